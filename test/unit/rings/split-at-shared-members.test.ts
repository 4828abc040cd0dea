import { describe, expect, it } from 'vitest';
import { defaultScoringOptions } from '../../../src/rings/core/default-detection-options.ts';
import { projectionEdgeColumns } from '../../../src/rings/core/evidence-columns.ts';
import { findBurnerPhones } from '../../../src/rings/core/find-burner-phones.ts';
import { indexIncidentRows } from '../../../src/rings/core/index-incident-rows.ts';
import { markRingEvidence } from '../../../src/rings/core/mark-ring-evidence.ts';
import { splitAtSharedMembers } from '../../../src/rings/core/split-at-shared-members.ts';
import { plantTraffickingRing } from './fixtures/city-scenario.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

/** Splits the core made of every node of the fixture and names the parts by entity id. */
function split(builder: ProjectionBuilder): string[][] {
  const projection = builder.build();
  const { nodes } = projection;
  const columns = projectionEdgeColumns(projection);
  const incident = indexIncidentRows(nodes.length, columns);
  const burners = findBurnerPhones(nodes, columns, incident, defaultScoringOptions);
  const evidence = markRingEvidence(nodes, columns, burners);
  const core = nodes.map((_, i) => i);
  return splitAtSharedMembers(core, { nodes, columns, incident, evidence, burners, minSize: 3 }).map((part) =>
    part.map((index) => nodes[index]!.entityId),
  );
}

describe('splitAtSharedMembers', () => {
  it('splits two rings that share a recruiter, and keeps her with the ring she works for most', () => {
    const builder = new ProjectionBuilder();
    const a = plantTraffickingRing(builder, 'A');
    const b = plantTraffickingRing(builder, 'B');
    // A's recruiter also uses B's burner and recruited one of B's victims.
    builder.link(a.recruiters[0]!, b.burners[0]!, 'SHARED_PHONE').link(b.victims[0]!, a.recruiters[0]!, 'RECRUITED_BY');
    const parts = split(builder);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(new Set(part.map((id) => id.split('-')[0])).size).toBe(1);
    expect(parts.find((part) => part.includes(a.organiser))).toContain(a.recruiters[0]);
  });

  it('does not split a ring whose exit group hangs on its only escort', () => {
    const builder = new ProjectionBuilder();
    const ring = plantTraffickingRing(builder, 'A');
    const group = ['g1', 'g2', 'g3', 'g4'];
    for (const person of group) builder.person(person).link(person, ring.escort, 'CO_CROSSING');
    builder.clique(group, 'CO_CROSSING');
    expect(split(builder)).toHaveLength(1);
  });

  it('does not split a single ring', () => {
    const builder = new ProjectionBuilder();
    plantTraffickingRing(builder, 'A');
    expect(split(builder)).toHaveLength(1);
  });
});
