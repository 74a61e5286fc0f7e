/** Per-host politeness: one p-queue per host (concurrency) and a minimum gap between request starts to that host. */
import PQueue from 'p-queue';

/** Queues by host. */
export class HostQueues {
  private readonly queues = new Map<string, PQueue>();
  private readonly nextStart = new Map<string, number>();

  constructor(
    private readonly concurrency: number,
    private readonly minDelayMs: number,
  ) {}

  /** Run `fn` in `host`'s queue, no sooner than the host's delay after the previous start. */
  run<T>(host: string, crawlDelaySec: number | null, fn: () => Promise<T>): Promise<T> {
    let q = this.queues.get(host);
    if (!q) {
      q = new PQueue({ concurrency: this.concurrency });
      this.queues.set(host, q);
    }
    const delay = Math.max(this.minDelayMs, (crawlDelaySec ?? 0) * 1000);
    return q.add(async () => {
      const now = Date.now();
      const at = Math.max(now, this.nextStart.get(host) ?? 0);
      this.nextStart.set(host, at + delay);
      if (at > now) await new Promise((r) => setTimeout(r, at - now));
      return fn();
    }) as Promise<T>;
  }
}
