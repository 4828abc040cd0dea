import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../seed/generate/generate-scenario.ts';
import type { DecoyTruthRecord, RingTruthRecord, TruthRecord } from '../../../seed/truth-types.ts';

function truthOf(options: Parameters<typeof generateScenario>[0]): TruthRecord[] {
  const truth: TruthRecord[] = [];
  for (const batch of generateScenario(options, { onTruth: (record) => truth.push(record) })) void batch;
  return truth;
}

describe('the field shapes', () => {
  const truth = truthOf({
    preset: 'field',
    seed: 3,
    people: 3_000,
    rings: 4,
    onlineRecruitmentRings: 3,
    familyRings: 3,
    decoyGroups: 5,
    tourGroups: 4,
    ordinaryCases: 10,
  });
  const rings = truth.filter((record): record is RingTruthRecord => record.type === 'ring');
  const decoys = truth.filter((record): record is DecoyTruthRecord => record.type === 'decoy');

  it(
    'plants online-recruitment rings of 8 to 40 people with burners registered to straw names',
    { timeout: 60_000 },
    () => {
      const online = rings.filter((ring) => ring.shape === 'ONLINE_SCAM_RECRUITMENT');
      expect(online).toHaveLength(3);
      for (const ring of online) {
        expect(ring.members.length).toBeGreaterThanOrEqual(8);
        expect(ring.members.length).toBeLessThanOrEqual(40);
        expect(new Set(ring.members.map((m) => m.role))).toEqual(new Set(['recruiter', 'victim']));
        expect(ring.strawSubscribers?.length).toBe(ring.burnerPhones.length);
        expect(ring.cases).toEqual([]);
      }
    },
  );

  it('plants family rings of 4 to 6 people: adults and children under 16', () => {
    const family = rings.filter((ring) => ring.shape === 'FAMILY_CHILD_TRAFFICKING');
    expect(family).toHaveLength(3);
    for (const ring of family) {
      expect(ring.members.length).toBeGreaterThanOrEqual(4);
      expect(ring.members.length).toBeLessThanOrEqual(6);
      const victims = ring.members.filter((m) => m.role === 'victim');
      expect(victims.length).toBeGreaterThanOrEqual(2);
      for (const victim of victims) expect(victim.age).toBeLessThan(16);
      expect(ring.burnerPhones).toEqual([]);
    }
  });

  it('keeps the rotation of the four older shapes and plants one decoy of each kind', () => {
    expect(
      rings.filter((ring) => !['ONLINE_SCAM_RECRUITMENT', 'FAMILY_CHILD_TRAFFICKING'].includes(ring.shape)),
    ).toHaveLength(4);
    expect(new Set(decoys.map((decoy) => decoy.kind))).toEqual(
      new Set(['CONTRACT_WORKERS', 'FAMILY_SHOP_PHONE', 'CALL_CENTRE_ROTA', 'SCHOOL_TRIP', 'DAY_TRADERS']),
    );
    for (const decoy of decoys) expect(decoy.members.length).toBeGreaterThanOrEqual(4);
  });
});
