import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as vocabulary from '../../../src/entities/vocabulary.ts';
import { RING_TRIAGE_REASONS } from '../../../src/rings/triage/triage-vocabulary.ts';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));

const enums: [string, readonly string[]][] = [
  ['EntityKind', vocabulary.ENTITY_KINDS],
  ['Sex', vocabulary.SEXES],
  ['BrokerKind', vocabulary.BROKER_KINDS],
  ['LicenseStatus', vocabulary.LICENSE_STATUSES],
  ['CrossingDirection', vocabulary.CROSSING_DIRECTIONS],
  ['CaseStatus', vocabulary.CASE_STATUSES],
  ['CaseRole', vocabulary.CASE_ROLES],
  ['LinkType', vocabulary.LINK_TYPES],
  ['RingTriageReason', RING_TRIAGE_REASONS],
];

describe('the vocabulary', () => {
  it.each(enums)('%s is the enum of schema.graphql', (name, values) => {
    const type = schema.getType(name);
    expect(isEnumType(type), `${name} is an enum of the schema`).toBe(true);
    if (!isEnumType(type)) return;
    expect([...values]).toEqual(type.getValues().map((value) => value.name));
  });
});
