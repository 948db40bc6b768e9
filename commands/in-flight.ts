/**
 * Work that continues after ack(): tracked, so shutdown can wait for it instead of cutting it off, and
 * started acks-first. Node runs the acks of new requests and the work of acknowledged ones on one thread;
 * a burst of fifty clicks would otherwise make the later acks wait behind the earlier clicks' database
 * round trips and renders. So new work waits while any HTTP request is still unanswered (the receiver
 * reports them, see commands/app.ts), for at most `maxDelayMs`, and then all of it starts — concurrency
 * is not limited (the work is mostly waiting on Slack and the database). Work bound to a trigger_id
 * (opening a modal, which Slack allows only 3 s after the click) is `urgent` and starts at once.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();
  private waiting: (() => void)[] = [];
  private unanswered = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly maxDelayMs = 50) {}

  /** Runs `work` now, or as soon as no request waits for its ack (at most `maxDelayMs` later). */
  schedule<T>(work: () => Promise<T>, opts: { urgent?: boolean } = {}): Promise<T> {
    if (opts.urgent || this.unanswered === 0) return this.track(work());
    const started = new Promise<void>((resolve) => this.waiting.push(resolve)).then(work);
    this.timer ??= setTimeout(() => this.release(), this.maxDelayMs);
    return this.track(started);
  }

  /** The receiver saw a request arrive (+1) or answered one (-1). */
  noteRequest(delta: 1 | -1): void {
    this.unanswered = Math.max(0, this.unanswered + delta);
    if (this.unanswered === 0 && this.waiting.length) this.release();
  }

  private release(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ready = this.waiting;
    this.waiting = [];
    for (const start of ready) start();
  }

  /** Tracks work that is already running. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves when all tracked work (running or waiting) has settled, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 && Date.now() < deadline) {
      await Promise.race([
        Promise.allSettled([...this.pending]),
        new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()))),
      ]);
    }
    return this.pending.size === 0;
  }
}
