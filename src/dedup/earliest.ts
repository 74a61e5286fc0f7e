/** Which member of a near-duplicate group is its earliest: the group's id. */

/** A document as the ordering sees it. */
export interface Dated {
  id: string;
  published: string | null;
}

/** Whether `a` comes before `b`: earlier publication first, undated after dated, then the smaller id. */
export function earlier(a: Dated, b: Dated): boolean {
  if (a.published !== b.published) {
    if (a.published === null) return false;
    if (b.published === null) return true;
    return a.published < b.published;
  }
  return a.id < b.id;
}

/** The earliest of a non-empty list. */
export function earliestOf<T extends Dated>(docs: T[]): T {
  return docs.reduce((best, d) => (earlier(d, best) ? d : best));
}
