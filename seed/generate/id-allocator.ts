/** Sequential external ids per prefix ("CD-0000001"): each source numbers its own records. */
export class IdAllocator {
  private readonly counters = new Map<string, number>();

  next(prefix: string, width = 7): string {
    const value = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, value);
    return `${prefix}-${String(value).padStart(width, '0')}`;
  }
}
