import { describe, expect, it } from 'vitest';
import { defaultScoringOptions } from '../../../src/rings/core/default-detection-options.ts';
import { detectRings } from '../../../src/rings/core/detect-rings.ts';
import { projectionEdgeColumns } from '../../../src/rings/core/evidence-columns.ts';
import { findKinEscortedExits } from '../../../src/rings/core/find-kin-escorted-exits.ts';
import { findRecruitmentPhones } from '../../../src/rings/core/find-recruitment-phones.ts';
import { indexIncidentRows } from '../../../src/rings/core/index-incident-rows.ts';
import { groupPersonRecords } from '../../../src/rings/core/person-groups.ts';
import type { RingProjection } from '../../../src/rings/core/types.ts';
import { analyseCrossings, type CrossingRow } from '../../../src/rings/projection/crossing-evidence.ts';
import { addBackground, exitAt, plantTraffickingRing } from './fixtures/city-scenario.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

function recruitmentFlags(projection: RingProjection) {
  const columns = projectionEdgeColumns(projection);
  const incident = indexIncidentRows(projection.nodes.length, columns);
  const groups = groupPersonRecords(projection.nodes, columns);
  const found = findRecruitmentPhones(projection.nodes, columns, incident, groups, defaultScoringOptions);
  return (entityId: string) => found.flags[projection.nodes.findIndex((node) => node.entityId === entityId)] === 1;
}

/**
 * An online recruiter: a burner registered to a straw name and carried by the recruiter, calling the phones of
 * `youths` young people; the first `left` of them left for Cambodia and did not come back. Each youth is known
 * to telecom by an undated subscriber record and to the border guard by a dated one, tied as one person.
 */
function plantOnlineRecruiter(builder: ProjectionBuilder, prefix: string, youths: number, left: number): void {
  const burner = `${prefix}-burner`;
  builder.phone(burner, { distinctUsers: 2, callCount: 120 }, `+8490000${prefix.padStart(4, '0').slice(-4)}`);
  builder.person(`${prefix}-straw`, { ageYears: null }).link(`${prefix}-straw`, burner, 'SHARED_PHONE');
  builder.person(`${prefix}-recruiter`, { ageYears: 31 }).link(`${prefix}-recruiter`, burner, 'SHARED_PHONE');
  for (let i = 0; i < youths; i++) {
    const telecom = `${prefix}-youth-${i}-telecom`;
    const border = `${prefix}-youth-${i}-border`;
    const phone = `${prefix}-youth-${i}-phone`;
    builder.person(telecom, { ageYears: null });
    builder.person(border, {
      ageYears: 19,
      hasCrossings: i < left,
      exitsWithoutReturn: i < left ? [exitAt('Moc Bai', 'KH')] : [],
    });
    builder.phone(phone).link(telecom, phone, 'SHARED_PHONE').link(telecom, border, 'SAME_PERSON');
    builder.link(burner, phone, 'CALLED', 12);
  }
}

/** A hotline used in turn by `staff` unrelated people, calling `customers` phones; `emigrants` of the customers are young and left. */
function plantCallCentre(builder: ProjectionBuilder, staff: number, customers: number, emigrants: number): void {
  builder.phone('hotline', { distinctUsers: staff, callCount: 900 });
  for (let i = 0; i < staff; i++)
    builder.person(`agent-${i}`, { ageYears: 24 }).link(`agent-${i}`, 'hotline', 'SHARED_PHONE');
  for (let i = 0; i < customers; i++) {
    const young = i < emigrants;
    builder.person(`customer-${i}`, {
      ageYears: young ? 20 : 45,
      hasCrossings: young,
      exitsWithoutReturn: young ? [exitAt('Moc Bai', 'KH')] : [],
    });
    builder.phone(`customer-${i}-phone`).link(`customer-${i}`, `customer-${i}-phone`, 'SHARED_PHONE');
    builder.link('hotline', `customer-${i}-phone`, 'CALLED', 2);
  }
}

describe('recruitment phones', () => {
  it('takes a burner that called young people who then left without returning for a recruitment phone', () => {
    const builder = new ProjectionBuilder();
    plantOnlineRecruiter(builder, 'online', 8, 6);
    expect(recruitmentFlags(builder.build())('online-burner')).toBe(true);
  });

  it('needs the youths to have left: a phone calling young people who are all at home is none', () => {
    const builder = new ProjectionBuilder();
    plantOnlineRecruiter(builder, 'online', 8, 2);
    expect(recruitmentFlags(builder.build())('online-burner')).toBe(false);
  });

  it('does not take a call centre for a burner ring, whether its rota is large or small', () => {
    for (const staff of [12, 4]) {
      const builder = new ProjectionBuilder();
      // Among 40 customers, 4 young emigrants: a tenth of whom the hotline talked to.
      plantCallCentre(builder, staff, 40, 4);
      expect(recruitmentFlags(builder.build())('hotline'), `rota of ${staff}`).toBe(false);
      const result = detectRings(builder.build());
      expect(result.rings.filter((ring) => ring.members.some((m) => m.entityId === 'hotline'))).toEqual([]);
    }
  });

  it('finds the online ring whole, with a factor that names the phone and the figures', () => {
    const builder = new ProjectionBuilder();
    plantOnlineRecruiter(builder, 'online', 8, 6);
    addBackground(builder, 15);
    const [ring] = detectRings(builder.build()).rings;
    expect(ring).toBeDefined();
    const people = ring!.members.filter((m) => m.kind === 'PERSON').map((m) => m.entityId);
    expect(people).toContain('online-recruiter');
    for (let i = 0; i < 8; i++) expect(people).toContain(`online-youth-${i}-telecom`);
    const factor = ring!.factors.find((f) => f.code === 'RECRUITMENT_CALLS');
    expect(factor?.contribution).toBe(18);
    expect(factor?.description).toBe(
      'Phone +8490000line called 8 members aged 14 to 30, 6 of whom then left through Moc Bai without returning ' +
        '(no escort and no recruitment link: online recruitment)',
    );
  });

  it('splits an online ring off a ring whose recruiter also carries its burner', () => {
    const builder = new ProjectionBuilder();
    const labour = plantTraffickingRing(builder, 'labour');
    plantOnlineRecruiter(builder, 'online', 8, 6);
    // The labour ring's recruiter works the online ring's burner too.
    builder.link(labour.recruiters[0]!, 'online-burner', 'SHARED_PHONE');
    addBackground(builder, 15);
    const rings = detectRings(builder.build()).rings.map((ring) => ring.members.map((m) => m.entityId));
    const online = rings.filter((members) => members.includes('online-youth-0-telecom'));
    expect(online).toHaveLength(1);
    expect(online[0]).not.toContain(labour.organiser);
    expect(online[0]).toContain('online-youth-7-telecom');
    expect(rings.filter((members) => members.includes(labour.organiser))).toHaveLength(1);
  });
});

/** The border guard's log as the projection reads it (times in hours). */
const crossing = (person: number, direction: 'EXIT' | 'ENTRY', hours: number): CrossingRow => ({
  person,
  checkpoint: 1,
  checkpointName: 'Mong Cai',
  direction,
  at: Date.UTC(2026, 0, 10) + hours * 3_600_000,
  country: 'CN',
});

/**
 * An aunt (node 0), her sibling (1, the children's parent) and two children (2, 3): the aunt and the children
 * cross together; the aunt comes back two days later; the children come back only when `childrenReturn`.
 */
function familyTrip(childrenReturn: boolean): RingProjection {
  const rows = [crossing(0, 'EXIT', 0), crossing(2, 'EXIT', 0.2), crossing(3, 'EXIT', 0.3), crossing(0, 'ENTRY', 48)];
  if (childrenReturn) rows.push(crossing(2, 'ENTRY', 48.1), crossing(3, 'ENTRY', 48.2));
  const evidence = analyseCrossings(rows);
  const builder = new ProjectionBuilder();
  const ids = ['aunt', 'parent', 'child-1', 'child-2'];
  const ages = [41, 38, 9, 12];
  ids.forEach((id, node) =>
    builder.person(id, {
      ageYears: ages[node]!,
      hasCrossings: evidence.travellers.has(node),
      exitsWithoutReturn: evidence.exitsWithoutReturn.get(node) ?? [],
    }),
  );
  builder
    .link('aunt', 'parent', 'RELATIVE_OF')
    .link('child-1', 'parent', 'RELATIVE_OF')
    .link('child-2', 'parent', 'RELATIVE_OF');
  for (const pair of evidence.coCrossings.values())
    builder.link(ids[pair.source]!, ids[pair.target]!, 'CO_CROSSING', pair.count);
  // The children's household: a home phone for the parent and children, as every family has.
  builder.phone('home', { distinctUsers: 3 });
  for (const id of ['parent', 'child-1', 'child-2']) builder.link(id, 'home', 'SHARED_PHONE');
  addBackground(builder, 15);
  return builder.build();
}

describe('children taken by a relative', () => {
  it('reads a child who left with an aunt who came back alone as a child taken, through the parent', () => {
    const projection = familyTrip(false);
    const columns = projectionEdgeColumns(projection);
    const groups = groupPersonRecords(projection.nodes, columns);
    const found = findKinEscortedExits(projection.nodes, columns, groups, 16);
    const name = (node: number) => projection.nodes[node]!.entityId;
    expect(found.exits.map((exit) => [name(exit.child), name(exit.adult), exit.throughParent]).sort()).toEqual([
      ['child-1', 'aunt', true],
      ['child-2', 'aunt', true],
    ]);
  });

  it('finds the family ring and scores it above ordinary communities, kinship ties notwithstanding', () => {
    const result = detectRings(familyTrip(false));
    const [ring] = result.rings;
    expect(
      ring?.members
        .filter((m) => m.kind === 'PERSON')
        .map((m) => m.entityId)
        .sort(),
    ).toEqual(['aunt', 'child-1', 'child-2']);
    const factor = ring!.factors.find((f) => f.code === 'CHILDREN_TAKEN_BY_RELATIVE');
    expect(factor).toMatchObject({
      contribution: 24,
      description:
        '2 children under 16 left through Mong Cai with 1 adult of their relatives through their parents (an aunt or uncle) who came back alone and have not returned',
    });
    expect(ring!.score).toBeGreaterThan(50);
  });

  it('does not take a school trip or a family outing that comes back whole for a ring', () => {
    const projection = familyTrip(true);
    expect(projection.nodes.some((node) => node.kind === 'PERSON' && node.person.exitsWithoutReturn.length > 0)).toBe(
      false,
    );
    expect(detectRings(projection).rings).toEqual([]);
  });
});
