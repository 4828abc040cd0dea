import { describe, expect, it } from 'vitest';
import { buildEvidenceGraph } from '../../../src/rings/core/build-evidence-graph.ts';
import { defaultDetectionOptions } from '../../../src/rings/core/default-detection-options.ts';
import { detectCommunities } from '../../../src/rings/core/detect-communities.ts';
import { detectRings } from '../../../src/rings/core/detect-rings.ts';
import type { DetectedRing } from '../../../src/rings/core/types.ts';
import { addBackground, addFamily, exitAt, plantTraffickingRing } from './fixtures/city-scenario.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

const prefixOf = (entityId: string) => entityId.split('-')[0]!;
const ringOf = (rings: DetectedRing[], entityId: string) =>
  rings.find((ring) => ring.members.some((member) => member.entityId === entityId));

describe('evidence cores', () => {
  it('separates rings that a city-scale community holds together', () => {
    // Six rings in a circle, each tied to the next by an acquaintance and a few calls, in a city of
    // 400 households: at resolution 1 modularity cannot afford to keep them apart (its resolution limit).
    const builder = new ProjectionBuilder();
    const prefixes = ['A', 'B', 'C', 'D', 'E', 'F'];
    for (const prefix of prefixes) plantTraffickingRing(builder, prefix);
    prefixes.forEach((prefix, i) => {
      const next = prefixes[(i + 1) % prefixes.length]!;
      builder.link(`${prefix}-victim-5`, `${next}-recruiter-2`, 'KNOWS');
      builder.link(`${prefix}-escort`, `${next}-victim-4`, 'CALLED', 3);
    });
    addBackground(builder, 400);
    const projection = builder.build();

    const { graph } = buildEvidenceGraph(projection, defaultDetectionOptions);
    const { communities } = detectCommunities(graph, defaultDetectionOptions);
    const organisersTogether = communities.map((c) => c.filter((id) => id.endsWith('-organiser')).length);
    expect(Math.max(...organisersTogether), 'the fixture no longer exercises the resolution limit').toBeGreaterThan(1);

    const { rings } = detectRings(projection);
    expect(rings).toHaveLength(prefixes.length);
    for (const prefix of prefixes) {
      const ring = ringOf(rings, `${prefix}-organiser`)!;
      expect(new Set(ring.members.map((m) => prefixOf(m.entityId)))).toEqual(new Set([prefix]));
      expect(ring.personCount).toBe(9);
    }
  });

  it('leaves out a victim’s household, tied to her by kinship and a home phone only', () => {
    const builder = new ProjectionBuilder();
    const ids = plantTraffickingRing(builder, 'A');
    const family = addFamily(builder, 'home');
    const homePhone = family.at(-1)!;
    builder.link(ids.victims[0]!, homePhone, 'SHARED_PHONE');
    for (const relative of family.slice(0, 2)) builder.link(ids.victims[0]!, relative, 'RELATIVE_OF');
    addBackground(builder, 20);
    const ring = ringOf(detectRings(builder.build()).rings, ids.organiser)!;
    expect(ring.members.filter((m) => m.kind === 'PERSON').map((m) => prefixOf(m.entityId))).toEqual(
      Array(9).fill('A'),
    );
  });

  it('keeps another record of a member with her ring, and joins the ring through it', () => {
    const builder = new ProjectionBuilder();
    const ids = plantTraffickingRing(builder, 'A');
    // The border guard's record of the escort, with her crossings, and a telecom record of a victim.
    builder.person('A-escort-border').link('A-escort-border', ids.escort, 'SAME_PERSON');
    builder.person('A-victim-5-telecom').link('A-victim-5-telecom', ids.victims[4]!, 'SAME_PERSON');
    addBackground(builder, 20);
    const { rings } = detectRings(builder.build());
    expect(ringOf(rings, ids.organiser)!.members.map((m) => m.entityId)).toContain('A-escort-border');
    expect(ringOf(rings, ids.victims[4]!)!.members.map((m) => m.entityId)).toContain('A-victim-5-telecom');
  });

  it('brings back to its ring an exit group that a community border cut off with the escort’s border record', () => {
    const builder = new ProjectionBuilder();
    const ids = plantTraffickingRing(builder, 'A');
    // The border guard's record of the escort left with four more victims, tied to the rest of the
    // ring only through that record; the group is bound tightly enough to form a community of its own.
    builder.person('A-escort-border', { hasCrossings: true }).link('A-escort-border', ids.escort, 'SAME_PERSON');
    const group = ['A-late-1', 'A-late-2', 'A-late-3', 'A-late-4'];
    for (const person of group) {
      builder.person(person, { exitsWithoutReturn: [exitAt('Lao Cai')], hasCrossings: true });
      builder.link(person, 'A-escort-border', 'CO_CROSSING', 8);
    }
    builder.clique(group, 'CO_CROSSING', 8).clique(group, 'KNOWS');
    addBackground(builder, 20);
    const { rings } = detectRings(builder.build());
    const ring = ringOf(rings, ids.organiser)!;
    expect(ring.members.map((m) => m.entityId)).toEqual(expect.arrayContaining([...group, 'A-escort-border']));
    expect(rings.filter((r) => r.members.some((m) => group.includes(m.entityId)))).toHaveLength(1);
  });
});
