import type {
  BorderCrossingInput,
  BrokerInput,
  CaseInput,
  LinkInput,
  PersonInput,
} from '../../../seed/ingest-types.ts';
import type { IdentityTruthRecord, RingTruthRecord, SourceRef } from '../../../seed/truth-types.ts';
import type { CollectedScenario } from './collect-scenario.ts';

/** Lookups over a collected scenario, keyed by "source|externalId" as the service keys its upserts. */
export interface ScenarioIndex {
  people: Map<string, PersonInput>;
  brokers: Map<string, BrokerInput>;
  cases: Map<string, CaseInput>;
  crossingsByPerson: Map<string, BorderCrossingInput[]>;
  links: (LinkInput & { source: string })[];
  rings: RingTruthRecord[];
  identities: IdentityTruthRecord[];
}

export const refKey = (ref: SourceRef): string => `${ref.source}|${ref.externalId}`;

export function indexScenario(scenario: CollectedScenario): ScenarioIndex {
  const index: ScenarioIndex = {
    people: new Map(),
    brokers: new Map(),
    cases: new Map(),
    crossingsByPerson: new Map(),
    links: [],
    rings: [],
    identities: [],
  };
  for (const batch of scenario.batches) {
    const key = (externalId: string, source = batch.source): string => `${source}|${externalId}`;
    for (const person of batch.people ?? []) index.people.set(key(person.externalId), person);
    for (const broker of batch.brokers ?? []) index.brokers.set(key(broker.externalId), broker);
    for (const record of batch.cases ?? []) index.cases.set(key(record.externalId), record);
    for (const crossing of batch.crossings ?? []) {
      const person = key(crossing.person.externalId, crossing.person.source);
      index.crossingsByPerson.set(person, [...(index.crossingsByPerson.get(person) ?? []), crossing]);
    }
    for (const link of batch.links ?? []) index.links.push({ ...link, source: batch.source });
  }
  for (const record of scenario.truth) {
    if (record.type === 'ring') index.rings.push(record);
    if (record.type === 'identity') index.identities.push(record);
  }
  return index;
}

/** Whole years between a birth date and a reference date, both YYYY-MM-DD. */
export function ageOn(referenceDate: string, dateOfBirth: string): number {
  const [ry, rm, rd] = referenceDate.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}
