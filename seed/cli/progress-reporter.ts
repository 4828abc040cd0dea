/**
 * A progress line on stderr: rewritten in place on a terminal, one line every few seconds in a log file or CI.
 */
export class ProgressReporter {
  private lastDraw = 0;
  private readonly startedAt = performance.now();
  private readonly interactive: boolean;

  constructor(
    private readonly estimatedTotal: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.interactive = stream.isTTY === true;
  }

  update(records: number): void {
    const now = performance.now();
    if (now - this.lastDraw < (this.interactive ? 200 : 5_000)) return;
    this.lastDraw = now;
    this.draw(records, now);
  }

  finish(records: number): void {
    this.draw(records, performance.now());
    if (this.interactive) this.stream.write('\n');
  }

  private draw(records: number, now: number): void {
    const share = Math.min(1, records / Math.max(1, this.estimatedTotal));
    const seconds = (now - this.startedAt) / 1000;
    const line =
      `records ${records.toLocaleString('en-US')} / ~${this.estimatedTotal.toLocaleString('en-US')} ` +
      `(${(share * 100).toFixed(1)}%), ${seconds.toFixed(1)} s`;
    this.stream.write(this.interactive ? `\r\x1b[K${line}` : `${line}\n`);
  }
}
