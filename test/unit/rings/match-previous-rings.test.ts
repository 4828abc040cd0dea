import { describe, expect, it } from 'vitest';
import { matchPreviousRings, ringIdForMembers } from '../../../src/rings/core/match-previous-rings.ts';

const members = (prefix: string, count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i + from}`);

describe('matchPreviousRings', () => {
  it('keeps the id and analyst status when 80% of the members carry over', () => {
    const previous = [
      { id: 'ring-old', memberEntityIds: members('p', 10), status: 'CONFIRMED' as const, statusNote: 'case 12/2024' },
    ];
    const carriedOver = [...members('p', 8), ...members('new', 2)];
    const [identity] = matchPreviousRings([carriedOver], previous, 0.5);
    expect(identity).toMatchObject({ id: 'ring-old', status: 'CONFIRMED', statusNote: 'case 12/2024' });
    expect(identity?.continues?.jaccard).toBeCloseTo(8 / 12);
  });

  it('gives a community that resembles no previous ring an id derived from its members', () => {
    const previous = [{ id: 'ring-old', memberEntityIds: members('p', 10) }];
    const community = [...members('p', 3), ...members('q', 7)];
    const [identity] = matchPreviousRings([community], previous, 0.5);
    expect(identity).toEqual({ id: ringIdForMembers(community) });
    expect(ringIdForMembers([...community].reverse())).toBe(identity?.id);
  });

  it('matches one to one, best similarity first', () => {
    const previous = [{ id: 'ring-old', memberEntityIds: members('p', 10) }];
    const better = members('p', 9);
    const worse = [...members('p', 1, 9), ...members('x', 0)];
    const identities = matchPreviousRings([worse, better], previous, 0.05);
    expect(identities[1]?.id).toBe('ring-old');
    expect(identities[0]?.id).not.toBe('ring-old');
  });

  it('never hands a retired ring id to a different community', () => {
    const retired = members('p', 4);
    const previous = [{ id: ringIdForMembers(retired), memberEntityIds: members('z', 4) }];
    const [identity] = matchPreviousRings([retired], previous, 0.5);
    expect(identity?.id).not.toBe(previous[0]!.id);
  });

  it('gives a recently retired ring its id and verdict back when it reappears and no current ring matches', () => {
    const previous = [
      { id: 'ring-current', memberEntityIds: members('c', 6) },
      { id: 'ring-retired', memberEntityIds: members('p', 10), status: 'DISMISSED' as const, retired: true },
    ];
    const [reappeared, continuing] = matchPreviousRings([members('p', 10), members('c', 6)], previous, 0.5);
    expect(reappeared).toMatchObject({ id: 'ring-retired', status: 'DISMISSED' });
    expect(continuing?.id).toBe('ring-current');
  });

  it('prefers a current ring to a retired one, even one that resembles the community more', () => {
    const previous = [
      { id: 'ring-retired', memberEntityIds: members('p', 10), retired: true },
      { id: 'ring-current', memberEntityIds: [...members('p', 7), ...members('q', 3)] },
    ];
    const [identity] = matchPreviousRings([members('p', 10)], previous, 0.5);
    expect(identity?.id).toBe('ring-current');
  });
});
