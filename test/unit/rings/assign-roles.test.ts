import { describe, expect, it } from 'vitest';
import { detectRings } from '../../../src/rings/core/detect-rings.ts';
import { addBackground, plantTraffickingRing } from './fixtures/city-scenario.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

describe('assignRoles', () => {
  it('finds organiser, recruiters, escort, victims, burner phones and the broker of a planted ring', () => {
    const builder = new ProjectionBuilder();
    const ids = plantTraffickingRing(builder, 'A');
    addBackground(builder);
    const ring = detectRings(builder.build()).rings.find((r) => r.members.some((m) => m.entityId === ids.organiser));
    const roleOf = new Map(ring!.members.map((m) => [m.entityId, m.role]));
    expect(roleOf.get(ids.organiser)).toBe('organiser');
    expect(ids.recruiters.map((r) => roleOf.get(r))).toEqual(['recruiter', 'recruiter']);
    expect(roleOf.get(ids.escort)).toBe('escort');
    expect(ids.victims.slice(0, 4).map((v) => roleOf.get(v))).toEqual(['victim', 'victim', 'victim', 'victim']);
    expect(ids.burners.map((p) => roleOf.get(p))).toEqual(['burner-phone', 'burner-phone']);
    expect(roleOf.get(ids.phone)).toBe('phone');
    expect(roleOf.get(ids.broker)).toBe('broker');
  });

  it('names the most central suspect organiser when nobody runs a broker', () => {
    const builder = new ProjectionBuilder()
      .person('suspect', { caseRoles: ['SUSPECT'] })
      .person('other')
      .person('victim', { caseRoles: ['VICTIM'] })
      .person('victim-2', { caseRoles: ['SUSPECTED_VICTIM'] })
      .clique(['suspect', 'other', 'victim', 'victim-2'], 'KNOWS')
      .clique(['suspect', 'other', 'victim', 'victim-2'], 'SAME_CASE')
      .link('suspect', 'victim', 'CALLED', 3);
    const [ring] = detectRings(builder.build()).rings;
    const roleOf = new Map(ring!.members.map((m) => [m.entityId, m.role]));
    expect(roleOf.get('suspect')).toBe('organiser');
    expect(roleOf.get('other')).toBe('associate');
    expect(roleOf.get('victim')).toBe('victim');
  });
});
