import { describe, expect, it } from 'vitest';
import { defaultScoringOptions } from '../../../src/rings/core/default-detection-options.ts';
import { detectRings } from '../../../src/rings/core/detect-rings.ts';
import { projectionEdgeColumns } from '../../../src/rings/core/evidence-columns.ts';
import { findBurnerPhones } from '../../../src/rings/core/find-burner-phones.ts';
import { findRecruitmentPhones } from '../../../src/rings/core/find-recruitment-phones.ts';
import { indexIncidentRows } from '../../../src/rings/core/index-incident-rows.ts';
import { markRingEvidence, RowEvidence } from '../../../src/rings/core/mark-ring-evidence.ts';
import { groupPersonRecords } from '../../../src/rings/core/person-groups.ts';
import type { RingProjection } from '../../../src/rings/core/types.ts';
import { addBackground, exitAt } from './fixtures/city-scenario.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

/** `count` young people on their own phones, called by `caller`; the first `left` left for Cambodia for good. */
function youthsCalledBy(builder: ProjectionBuilder, caller: string, count: number, left: number): void {
  for (let i = 0; i < count; i++) {
    const youth = `${caller}-youth-${i}`;
    builder.person(youth, {
      ageYears: 20,
      hasCrossings: i < left,
      exitsWithoutReturn: i < left ? [exitAt('Moc Bai', 'KH')] : [],
    });
    builder.phone(`${youth}-phone`).link(youth, `${youth}-phone`, 'SHARED_PHONE');
    builder.link(caller, `${youth}-phone`, 'CALLED', 10);
  }
}

/**
 * An online ring with three burners bought under straw names: two carried by its recruiters (so each
 * has two or three users, and they call each other), the third used by its straw subscriber alone. All three
 * call young people who then leave (the recruiters some of the same), and the third calls the other two as
 * they call each other.
 */
function onlineRingWithLoneBurner(builder: ProjectionBuilder): void {
  for (const name of ['burner-a', 'burner-b', 'burner-c']) {
    builder.phone(name, { distinctUsers: name === 'burner-c' ? 1 : 2, callCount: 150 });
    builder.person(`${name}-straw`, { ageYears: null }).link(`${name}-straw`, name, 'SHARED_PHONE');
  }
  builder.person('recruiter-1', { ageYears: 32 }).link('recruiter-1', 'burner-a', 'SHARED_PHONE');
  builder.person('recruiter-2', { ageYears: 35 }).link('recruiter-2', 'burner-b', 'SHARED_PHONE');
  // The first recruiter's handset carries the second burner too.
  builder.link('recruiter-1', 'burner-b', 'SHARED_PHONE');
  builder.link('burner-a', 'burner-b', 'CALLED', 40);
  builder.link('burner-c', 'burner-a', 'CALLED', 30);
  builder.link('burner-c', 'burner-b', 'CALLED', 25);
  youthsCalledBy(builder, 'burner-a', 5, 4);
  youthsCalledBy(builder, 'burner-b', 5, 4);
  youthsCalledBy(builder, 'burner-c', 5, 4);
  // The recruiters share some of their recruits; the lone burner's recruits are its own.
  builder
    .link('burner-b', 'burner-a-youth-0-phone', 'CALLED', 6)
    .link('burner-b', 'burner-a-youth-1-phone', 'CALLED', 6);
  builder
    .link('burner-a', 'burner-b-youth-0-phone', 'CALLED', 6)
    .link('burner-a', 'burner-b-youth-1-phone', 'CALLED', 6);
}

/** A call centre's hotline worked by a rota of `staff` unrelated agents, which calls `phone` `calls` times. */
function callCentreCalling(builder: ProjectionBuilder, phone: string, staff: number, calls: number): void {
  builder.phone('hotline', { distinctUsers: staff, callCount: 900 });
  for (let i = 0; i < staff; i++)
    builder.person(`agent-${i}`, { ageYears: 24 }).link(`agent-${i}`, 'hotline', 'SHARED_PHONE');
  builder.link('hotline', phone, 'CALLED', calls);
  // Its customers, of whom a few are young people who emigrated: a small share of whom it talks to.
  youthsCalledBy(builder, 'hotline', 30, 3);
}

function evidenceOf(projection: RingProjection) {
  const columns = projectionEdgeColumns(projection);
  const incident = indexIncidentRows(projection.nodes.length, columns);
  const burners = findBurnerPhones(projection.nodes, columns, incident, defaultScoringOptions);
  const groups = groupPersonRecords(projection.nodes, columns);
  const recruitment = findRecruitmentPhones(projection.nodes, columns, incident, groups, defaultScoringOptions);
  const marks = markRingEvidence(projection.nodes, columns, burners, { recruitmentPhones: recruitment.flags });
  const index = (id: string) => projection.nodes.findIndex((node) => node.entityId === id);
  /** The mark of the CALLED row between two phones. */
  const call = (a: string, b: string) => {
    for (let row = 0; row < columns.source.length; row++) {
      const ends = [columns.source[row], columns.target[row]];
      if (ends.includes(index(a)) && ends.includes(index(b))) return marks[row];
    }
    throw new Error(`no row between ${a} and ${b}`);
  };
  return {
    call,
    burner: (id: string) => burners[index(id)] === 1,
    recruits: (id: string) => recruitment.flags[index(id)] === 1,
  };
}

const peopleOf = (ring: { members: readonly { entityId: string; kind: string }[] }) =>
  ring.members.filter((m) => m.kind === 'PERSON').map((m) => m.entityId);

describe('calls between a ring’s own phones', () => {
  it('counts a recruitment phone calling the ring’s burners as ring evidence, as two burners calling each other', () => {
    const builder = new ProjectionBuilder();
    onlineRingWithLoneBurner(builder);
    const { call, burner, recruits } = evidenceOf(builder.build());
    // One user: no burner, but a recruitment phone.
    expect(burner('burner-c')).toBe(false);
    expect(recruits('burner-c')).toBe(true);
    expect(call('burner-a', 'burner-b')).toBe(RowEvidence.ring);
    expect(call('burner-c', 'burner-a')).toBe(RowEvidence.ring);
    expect(call('burner-c', 'burner-b')).toBe(RowEvidence.ring);
  });

  it('finds the online ring as one candidate, the lone burner’s recruits with the rest', () => {
    const builder = new ProjectionBuilder();
    onlineRingWithLoneBurner(builder);
    addBackground(builder, 15);
    const rings = detectRings(builder.build()).rings.map(peopleOf);
    const withYouths = rings.filter((people) => people.some((id) => id.includes('-youth-')));
    console.log(JSON.stringify(rings));
    expect(withYouths).toHaveLength(1);
    for (const caller of ['burner-a', 'burner-b', 'burner-c']) {
      for (let i = 0; i < 5; i++) expect(withYouths[0]).toContain(`${caller}-youth-${i}`);
    }
    expect(withYouths[0]).toContain('recruiter-1');
    expect(withYouths[0]).toContain('recruiter-2');
  });

  it('does not take a call centre’s hotline calling a burner for a phone of the ring', () => {
    // A large rota is no burner whatever it calls; a small one calls the burner less than burners call each other.
    for (const [staff, calls] of [
      [12, 30],
      [4, 8],
    ] as const) {
      const builder = new ProjectionBuilder();
      onlineRingWithLoneBurner(builder);
      callCentreCalling(builder, 'burner-a', staff, calls);
      addBackground(builder, 15);
      const projection = builder.build();
      const { call, burner, recruits } = evidenceOf(projection);
      expect(burner('hotline') || recruits('hotline'), `rota of ${staff}`).toBe(false);
      expect(call('hotline', 'burner-a'), `rota of ${staff}`).toBe(RowEvidence.none);
      const rings = detectRings(projection).rings;
      expect(rings.filter((ring) => ring.members.some((m) => m.entityId === 'hotline'))).toEqual([]);
      expect(rings.flatMap(peopleOf).filter((id) => id.startsWith('agent-') || id.startsWith('hotline-'))).toEqual([]);
    }
  });
});
