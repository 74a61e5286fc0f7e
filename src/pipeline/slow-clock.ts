/**
 * For tests of the per-document work limits: run `fn` under a clock that jumps an hour at every read
 * (`performance.now`, `Date.now`), as if the machine were so loaded that every step took an hour. A limit that
 * looks at a clock trips under it; a work count gives exactly what it gives on an idle machine.
 */
export function withSlowClock<T>(fn: () => T): T {
  const realDateNow = Date.now;
  let t = performance.now();
  let d = realDateNow();
  const perf = performance as { now: () => number };
  perf.now = () => (t += 3_600_000);
  Date.now = () => (d += 3_600_000);
  try {
    return fn();
  } finally {
    delete (perf as { now?: () => number }).now;
    Date.now = realDateNow;
  }
}
