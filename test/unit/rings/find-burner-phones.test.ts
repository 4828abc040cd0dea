import { describe, expect, it } from 'vitest';
import { defaultScoringOptions } from '../../../src/rings/core/default-detection-options.ts';
import { projectionEdgeColumns } from '../../../src/rings/core/evidence-columns.ts';
import { findBurnerPhones } from '../../../src/rings/core/find-burner-phones.ts';
import { indexIncidentRows } from '../../../src/rings/core/index-incident-rows.ts';
import type { ScoringOptions } from '../../../src/rings/core/types.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

function burnersOf(builder: ProjectionBuilder, scoring: ScoringOptions = defaultScoringOptions): string[] {
  const projection = builder.build();
  const columns = projectionEdgeColumns(projection);
  const incident = indexIncidentRows(projection.nodes.length, columns);
  const flags = findBurnerPhones(projection.nodes, columns, incident, scoring);
  return projection.nodes.filter((_, i) => flags[i] === 1).map((node) => node.entityId);
}

/** Two phones, each used by `users`, calling each other `calls` times. */
function phonePair(users: [string[], string[]], calls: number): ProjectionBuilder {
  const builder = new ProjectionBuilder().phone('p1').phone('p2');
  users.forEach((group, i) => {
    for (const user of group) {
      if (!builder.has(user)) builder.person(user);
      builder.link(user, `p${i + 1}`, 'SHARED_PHONE');
    }
  });
  return builder.link('p1', 'p2', 'CALLED', calls);
}

describe('findBurnerPhones', () => {
  it('flags phones shared by unrelated people that call each other', () => {
    const builder = phonePair(
      [
        ['organiser', 'recruiter'],
        ['recruiter', 'escort', 'driver'],
      ],
      60,
    );
    expect(burnersOf(builder)).toEqual(['p1', 'p2']);
  });

  it('does not flag a family home phone, however much it calls', () => {
    const builder = phonePair(
      [
        ['mother', 'father', 'son'],
        ['aunt', 'uncle'],
      ],
      60,
    )
      .clique(['mother', 'father', 'son'], 'RELATIVE_OF')
      .link('aunt', 'uncle', 'RELATIVE_OF');
    expect(burnersOf(builder)).toEqual([]);
  });

  it('counts the records of one person at several agencies as one user', () => {
    // A personal mobile each agency filed under its own record of the owner, calling a burner.
    const builder = phonePair(
      [
        ['owner-police', 'owner-telecom', 'owner-border'],
        ['a', 'b'],
      ],
      60,
    ).clique(['owner-police', 'owner-telecom', 'owner-border'], 'SAME_PERSON');
    expect(burnersOf(builder)).toEqual([]);
  });

  it('needs enough calls with other shared phones', () => {
    expect(
      burnersOf(
        phonePair(
          [
            ['a', 'b'],
            ['c', 'd'],
          ],
          defaultScoringOptions.burnerMinCalls - 1,
        ),
      ),
    ).toEqual([]);
    // Calls to a phone only one person uses do not count.
    const builder = phonePair([['a', 'b'], ['c']], 500);
    expect(burnersOf(builder)).toEqual([]);
  });

  it('does not flag a phone more unrelated people use than burnerMaxUsers', () => {
    const office = ['u1', 'u2', 'u3', 'u4'];
    const builder = phonePair([office, ['a', 'b']], 60);
    expect(burnersOf(builder, { ...defaultScoringOptions, burnerMaxUsers: 3 })).toEqual([]);
    expect(burnersOf(builder, { ...defaultScoringOptions, burnerMaxUsers: 4 })).toEqual(['p1', 'p2']);
  });
});
