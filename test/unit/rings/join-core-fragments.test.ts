import { describe, expect, it } from 'vitest';
import { defaultScoringOptions } from '../../../src/rings/core/default-detection-options.ts';
import { projectionEdgeColumns } from '../../../src/rings/core/evidence-columns.ts';
import { findBurnerPhones } from '../../../src/rings/core/find-burner-phones.ts';
import { findRecruitmentPhones } from '../../../src/rings/core/find-recruitment-phones.ts';
import { indexIncidentRows } from '../../../src/rings/core/index-incident-rows.ts';
import { joinCoreFragments } from '../../../src/rings/core/join-core-fragments.ts';
import { markRingEvidence } from '../../../src/rings/core/mark-ring-evidence.ts';
import { groupPersonRecords } from '../../../src/rings/core/person-groups.ts';
import { exitAt } from './fixtures/city-scenario.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

/**
 * One share of an online ring: a phone bought under a straw name (its only user, so no burner) that called
 * four young people, three of whom left for Cambodia. Returns the share's entity ids, as a core.
 */
function share(builder: ProjectionBuilder, phone: string): string[] {
  builder.phone(phone, { callCount: 80 });
  builder.person(`${phone}-straw`, { ageYears: null }).link(`${phone}-straw`, phone, 'SHARED_PHONE');
  const ids = [phone, `${phone}-straw`];
  for (let i = 0; i < 4; i++) {
    const youth = `${phone}-youth-${i}`;
    builder.person(youth, {
      ageYears: 20,
      hasCrossings: i < 3,
      exitsWithoutReturn: i < 3 ? [exitAt('Moc Bai', 'KH')] : [],
    });
    builder.phone(`${youth}-phone`).link(youth, `${youth}-phone`, 'SHARED_PHONE');
    builder.link(phone, `${youth}-phone`, 'CALLED', 10);
    ids.push(youth, `${youth}-phone`);
  }
  return ids;
}

/** A ring organised on a burner that its two members use and that calls another shared phone of theirs. */
function organisedRing(builder: ProjectionBuilder, prefix: string): string[] {
  const ids = [`${prefix}-burner`, `${prefix}-second`, `${prefix}-boss`, `${prefix}-aide`, `${prefix}-driver`];
  builder.phone(`${prefix}-burner`, { distinctUsers: 2 }).phone(`${prefix}-second`, { distinctUsers: 2 });
  for (const person of ids.slice(2)) builder.person(person, { ageYears: 45 });
  builder
    .link(`${prefix}-boss`, `${prefix}-burner`, 'SHARED_PHONE')
    .link(`${prefix}-aide`, `${prefix}-burner`, 'SHARED_PHONE')
    .link(`${prefix}-aide`, `${prefix}-second`, 'SHARED_PHONE')
    .link(`${prefix}-driver`, `${prefix}-second`, 'SHARED_PHONE')
    .link(`${prefix}-burner`, `${prefix}-second`, 'CALLED', 40);
  return ids;
}

/** joinCoreFragments over the given cores (entity ids), with the evidence ring detection marks. */
function join(builder: ProjectionBuilder, cores: readonly string[][]): string[][] {
  const projection = builder.build();
  const { nodes } = projection;
  const columns = projectionEdgeColumns(projection);
  const incident = indexIncidentRows(nodes.length, columns);
  const burners = findBurnerPhones(nodes, columns, incident, defaultScoringOptions);
  const groups = groupPersonRecords(nodes, columns);
  const recruitment = findRecruitmentPhones(nodes, columns, incident, groups, defaultScoringOptions);
  const evidence = markRingEvidence(nodes, columns, burners, {
    recruitmentPhones: recruitment.flags,
    rows: [...recruitment.reached.values()].flatMap((reached) => reached.rows),
  });
  const index = new Map(nodes.map((node, i) => [node.entityId, i]));
  const joined = joinCoreFragments(
    cores.map((core) => core.map((id) => index.get(id)!)),
    nodes,
    columns,
    incident,
    evidence,
    burners,
    3,
  );
  return joined.map((core) => core.map((i) => nodes[i]!.entityId).sort());
}

describe('joining fragments of a ring', () => {
  it('joins an online ring’s shares whole when each is tied most to one neighbour', () => {
    // Shares 1 and 2 have two recruits in common, 3 and 4 two as well, 2 and 3 one: joined one at a time
    // (1 with 2, 3 with 4), the ring stayed in two halves.
    const builder = new ProjectionBuilder();
    const shares = ['phone-1', 'phone-2', 'phone-3', 'phone-4'].map((phone) => share(builder, phone));
    builder.link('phone-2', 'phone-1-youth-0-phone', 'CALLED', 5).link('phone-2', 'phone-1-youth-1-phone', 'CALLED', 5);
    builder.link('phone-4', 'phone-3-youth-0-phone', 'CALLED', 5).link('phone-4', 'phone-3-youth-1-phone', 'CALLED', 5);
    builder.link('phone-3', 'phone-2-youth-3-phone', 'CALLED', 5);
    const joined = join(builder, shares);
    expect(joined).toHaveLength(1);
    expect(joined[0]).toEqual(shares.flat().sort());
  });

  it('keeps two organised rings apart, and joins shares tied to both to the one they are most tied to', () => {
    const builder = new ProjectionBuilder();
    const east = organisedRing(builder, 'east');
    const west = organisedRing(builder, 'west');
    const shares = ['phone-1', 'phone-2'].map((phone) => share(builder, phone));
    builder.link('phone-2', 'phone-1-youth-0-phone', 'CALLED', 5);
    // The shares' recruits called the rings' burners: east twice, west once.
    builder.link('phone-1', 'east-burner', 'CALLED', 30).link('phone-2', 'east-burner', 'CALLED', 30);
    builder.link('phone-2', 'west-burner', 'CALLED', 30);
    // A call between the two rings' burners ties them too, yet each is a ring of its own.
    builder.link('east-burner', 'west-burner', 'CALLED', 25);
    const joined = join(builder, [east, west, ...shares]);
    expect(joined).toEqual([[...east, ...shares.flat()].sort(), [...west].sort()]);
  });
});
