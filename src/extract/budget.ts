/**
 * A per-document work budget: a count of steps (HTML tags parsed, elements walked), charged at safe points;
 * going over it aborts that document with a clear error. It counts work, never time, so the same bytes give
 * the same outcome whatever the machine's load.
 */

/** Thrown when a document needs more steps than its budget. */
export class BudgetExceeded extends Error {}

/** Step counter for one document. */
export class Budget {
  private used = 0;
  constructor(
    readonly limit: number,
    readonly what = 'steps',
  ) {}
  /** Charge `steps`; throw {@link BudgetExceeded} once the total is over the limit. */
  spend(steps: number): void {
    this.used += steps;
    if (this.used > this.limit) throw new BudgetExceeded(`over the ${this.limit}-step work budget (${this.what})`);
  }
  /** Steps charged so far. */
  get spent(): number {
    return this.used;
  }
}
