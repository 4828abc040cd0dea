/** Samples the resident set size; `peak` is the largest seen since start. */
export class PeakMemory {
  private peakBytes = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 250);

  constructor() {
    this.timer.unref();
  }

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peakBytes) this.peakBytes = rss;
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakBytes;
  }
}
