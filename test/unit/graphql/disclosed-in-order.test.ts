import { describe, expect, it } from 'vitest';
import { disclosedInOrder } from '../../../src/graphql/disclosed-in-order.ts';

async function* items(...values: string[]) {
  yield* values;
}

describe('disclosedInOrder', () => {
  it('records every item as it arrives and gives each out in order, only once its record is stored', async () => {
    const started: string[] = [];
    const stored = new Set<string>();
    const finish: Record<string, () => void> = {};
    const stream = disclosedInOrder(items('a', 'b', 'c'), (item) => {
      started.push(item);
      return new Promise<void>((resolve) => {
        finish[item] = () => {
          stored.add(item);
          resolve();
        };
      });
    });
    const first = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // All three records are under way before the first item has gone out.
    expect(started).toEqual(['a', 'b', 'c']);
    finish['c']!();
    finish['b']!();
    finish['a']!();
    const out = [(await first).value, (await stream.next()).value, (await stream.next()).value];
    expect(out.map((d) => d?.item)).toEqual(['a', 'b', 'c']);
    expect([...stored].sort()).toEqual(['a', 'b', 'c']);
    expect((await stream.next()).done).toBe(true);
  });

  it('gives an item whose record failed with the error, so it is not sent, and goes on', async () => {
    const stream = disclosedInOrder(items('a', 'b'), (item) =>
      item === 'a' ? Promise.reject(new Error('audit unavailable')) : Promise.resolve(),
    );
    const a = (await stream.next()).value;
    expect(a?.error).toBeInstanceOf(Error);
    expect((await stream.next()).value).toEqual({ item: 'b' });
  });

  it('ends its source when the client leaves', async () => {
    let ended = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        ended = true;
      }
    }
    const stream = disclosedInOrder(endless(), () => Promise.resolve());
    await stream.next();
    await stream.return!();
    expect(ended).toBe(true);
  });
});
