/** A per-document time budget: checked at safe points; exceeding it aborts that document with a clear error. */

/** Thrown when a document runs past its budget. */
export class BudgetExceeded extends Error {}

/** Deadline tracker for one document. */
export class Budget {
  private readonly deadline: number;
  constructor(readonly ms: number) {
    this.deadline = performance.now() + ms;
  }
  /** Throw {@link BudgetExceeded} when the deadline has passed. */
  check(): void {
    if (performance.now() > this.deadline) throw new BudgetExceeded(`over the ${this.ms} ms budget`);
  }
}
