export interface Progress {
  records: number;
  batches: number;
  rejected: number;
  /** How far through the input, 0..1, when known. */
  share: number | undefined;
}

const WIDTH = 24;

/**
 * The import's progress on stderr: a bar redrawn in place on a terminal, a plain line every
 * few seconds otherwise (a log file, CI), so neither floods the other's output.
 */
export class ProgressBar {
  private lastDraw = 0;
  private readonly startedAt = performance.now();
  private readonly interactive: boolean;
  private drawn = false;
  private lastLine = '';

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
    private readonly everyMs = stream.isTTY ? 150 : 5_000,
  ) {
    this.interactive = stream.isTTY === true;
  }

  update(progress: Progress): void {
    const now = performance.now();
    if (now - this.lastDraw < this.everyMs) return;
    this.lastDraw = now;
    this.draw(progress, now);
  }

  finish(progress: Progress): void {
    this.draw(progress, performance.now());
    if (this.interactive && this.drawn) this.stream.write('\n');
  }

  /** A line that must not be overwritten (a retry), printed above the bar. */
  note(line: string): void {
    this.stream.write(this.interactive && this.drawn ? `\r\x1b[K${line}\n` : `${line}\n`);
  }

  private draw(progress: Progress, now: number): void {
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? Math.round(progress.records / seconds) : 0;
    const share = progress.share;
    const bar =
      share === undefined
        ? ''
        : `[${'#'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '.')}] ${(share * 100).toFixed(0).padStart(3)}% `;
    const line =
      `${bar}${progress.records.toLocaleString('en-US')} records, ${progress.batches} batches, ` +
      `${progress.rejected.toLocaleString('en-US')} rejected, ${rate.toLocaleString('en-US')} records/s, ${seconds.toFixed(0)} s`;
    // The closing draw right after a periodic one would print the same line twice in a log.
    const state = `${progress.records}|${progress.batches}|${progress.rejected}`;
    const unchanged = state === this.lastLine;
    this.lastLine = state;
    if (unchanged && !this.interactive) return;
    this.stream.write(this.interactive ? `\r\x1b[K${line}` : `${line}\n`);
    this.drawn = true;
  }
}
