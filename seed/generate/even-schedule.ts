/**
 * Spreads `count` events evenly over a run measured in people created, so rings, tour groups and cases are
 * interleaved with ordinary life instead of bunched at the start or end of the stream.
 */
export class EvenSchedule {
  private fired = 0;

  constructor(
    private readonly count: number,
    private readonly total: number,
  ) {}

  get remaining(): number {
    return this.count - this.fired;
  }

  isDue(progress: number): boolean {
    return this.fired < this.count && progress >= ((this.fired + 0.5) * this.total) / this.count;
  }

  markFired(): void {
    this.fired += 1;
  }
}
