import { describe, expect, it } from 'vitest';
import { detectRings } from '../../../src/rings/core/detect-rings.ts';
import type { DetectedRing, RingProjection } from '../../../src/rings/core/types.ts';
import {
  addBackground,
  addFamily,
  addReturnedTourGroup,
  exitAt,
  plantTraffickingRing,
} from './fixtures/city-scenario.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

function ringContaining(projection: RingProjection, entityId: string): DetectedRing {
  const ring = detectRings(projection).rings.find((r) => r.members.some((m) => m.entityId === entityId));
  if (ring === undefined) throw new Error(`no ring contains ${entityId}`);
  return ring;
}

function factor(ring: DetectedRing, code: string) {
  return ring.factors.find((f) => f.code === code);
}

function sumOfContributions(ring: DetectedRing): number {
  return Math.round(ring.factors.reduce((sum, f) => sum + f.contribution, 0) * 10) / 10;
}

describe('scoring', () => {
  it('scores a planted trafficking ring high and explains it with the figures', () => {
    const builder = new ProjectionBuilder();
    const ids = plantTraffickingRing(builder, 'A');
    addBackground(builder);
    const ring = ringContaining(builder.build(), ids.organiser);
    expect(ring.score).toBeGreaterThanOrEqual(70);
    expect(factor(ring, 'MINORS')?.description).toBe(
      '2 of 9 people are under 16 and left through Mong Cai without returning',
    );
    expect(factor(ring, 'EXITS_WITHOUT_RETURN')?.description).toMatch(
      /^4 of 9 people left for China through Mong Cai \(3\) and Lao Cai \(1\)/,
    );
    expect(factor(ring, 'UNLICENSED_BROKER')?.description).toContain('unlicensed broker Hoang Long Services A');
    expect(factor(ring, 'SHARED_BURNER_PHONES')?.description).toContain('2 members share burner phone +849123400');
    expect(factor(ring, 'VICTIMS')?.description).toBe('2 of 9 people are verified victims in a case');
    expect(ring.keyBrokers).toEqual([ids.broker]);
    expect(ring.keyPhones).toEqual(expect.arrayContaining(ids.burners));
    expect(ring.summary).toMatch(
      /^A community of 9 people, 3 phones and 1 broker scoring \d+\.\d out of 100\. Main reasons:/,
    );
  });

  it('makes contributions add up to the score, with an explicit CAP factor above 100', () => {
    const builder = new ProjectionBuilder();
    const ids = plantTraffickingRing(builder, 'A');
    addBackground(builder);
    const ring = ringContaining(builder.build(), ids.organiser);
    expect(sumOfContributions(ring)).toBe(ring.score);
    const cap = factor(ring, 'CAP');
    if (ring.score === 100) expect(cap?.contribution).toBeLessThan(0);
    for (const f of ring.factors) expect(f.code).toMatch(/^[A-Z_]+$/);
  });

  it('scores a family sharing a household phone, a returned tour group and licensed recruits low', () => {
    const builder = new ProjectionBuilder();
    const family = addFamily(builder, 'F');
    const tour = addReturnedTourGroup(builder, 'T', 14);
    builder.broker('agency', 'LICENSED_AGENCY', 'ACTIVE', 'Licensed Agency');
    const recruits = Array.from({ length: 6 }, (_, i) => `recruit-${i}`);
    for (const recruit of recruits) {
      builder.person(recruit, { exitsWithoutReturn: [exitAt('Cau Treo', 'LA')], hasCrossings: true });
      builder.link(recruit, 'agency', 'RECRUITED_BY');
    }
    builder.clique(recruits, 'KNOWS');
    const projection = builder.build();
    const rings = detectRings(projection).rings;
    // Ordinary life is either no ring candidate at all (a family tied only by its home phone
    // and kinship) or one that scores low and says so.
    for (const member of [family[0]!, tour[0]!, recruits[0]!]) {
      const ring = rings.find((r) => r.members.some((m) => m.entityId === member));
      if (ring === undefined) continue;
      expect(ring.score, ring.summary).toBeLessThan(20);
      expect(ring.summary).toContain('No strong trafficking indicators');
      expect(ring.members.filter((m) => m.kind === 'PERSON').every((m) => m.role === 'associate')).toBe(true);
      if (ring.members.some((m) => m.entityId === recruits[0]))
        expect(factor(ring, 'EXITS_WITHOUT_RETURN')).toBeUndefined();
    }
    expect(rings.some((r) => r.members.some((m) => m.entityId === family[0]))).toBe(false);
  });

  it('raises the score when a minor victim who left without returning joins', () => {
    const base = new ProjectionBuilder();
    const ids = plantTraffickingRing(base, 'A');
    addBackground(base);
    const before = ringContaining(base.build(), ids.organiser);

    // A smaller ring below the cap, so the increase is visible.
    const small = (withMinor: boolean) => {
      const builder = new ProjectionBuilder()
        .person('boss', { caseRoles: ['SUSPECT'] })
        .person('helper')
        .person('adult-victim', { caseRoles: ['SUSPECTED_VICTIM'] })
        .clique(['boss', 'helper', 'adult-victim'], 'KNOWS')
        .clique(['boss', 'helper', 'adult-victim'], 'SAME_CASE');
      if (withMinor) {
        builder
          .person('girl', { ageYears: 14, caseRoles: ['VICTIM'], exitsWithoutReturn: [exitAt('Mong Cai')] })
          .link('girl', 'boss', 'RECRUITED_BY')
          .link('girl', 'helper', 'CO_CROSSING');
      }
      addBackground(builder);
      return ringContaining(builder.build(), 'boss');
    };
    const without = small(false);
    const withMinor = small(true);
    expect(withMinor.score).toBeGreaterThan(without.score);
    expect(factor(withMinor, 'MINORS')?.description).toBe(
      '1 of 4 people is under 16 and left through Mong Cai without returning',
    );
    expect(withMinor.members.find((m) => m.entityId === 'girl')?.role).toBe('victim');
    expect(withMinor.members.find((m) => m.entityId === 'helper')?.role).toBe('escort');
    expect(before.score).toBeGreaterThanOrEqual(withMinor.score);
  });
});
