import { formatDay } from '../format/calendar.ts';
import { passportNumber } from '../format/document-numbers.ts';
import { canonicalFullName, writeName, type NameStyle } from '../format/name-variants.ts';
import { writePhone, type PhoneStyle } from '../format/phone-numbers.ts';
import type { EntityRefInput, PersonInput } from '../ingest-types.ts';
import type { SourceRef } from '../truth-types.ts';
import type { Person } from './people.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { sources, type SourceName } from './sources.ts';

// Each agency writes names, numbers and documents its own way; these tables are what makes the same person
// look different across sources and gives entity resolution something to do.

const nameStyles: Record<SourceName, readonly (readonly [NameStyle, number])[]> = {
  police: [['canonical', 1]],
  telecom: [
    ['canonical', 45],
    ['ascii', 30],
    ['given-first', 10],
    ['typo', 15],
  ],
  'border-guard': [
    ['ascii-upper', 75],
    ['canonical', 15],
    ['typo', 10],
  ],
  'labour-dept': [
    ['canonical', 60],
    ['ascii', 25],
    ['typo', 15],
  ],
  'foreign-affairs': [
    ['given-first', 60],
    ['ascii-upper', 30],
    ['typo', 10],
  ],
};

/**
 * The same agencies as their data really arrives (the `fieldNoise` option): the border guard writes ASCII upper
 * case, the labour department puts the given name first, telecom's clerks copy names any way.
 */
const fieldNameStyles: Record<SourceName, readonly (readonly [NameStyle, number])[]> = {
  police: [['canonical', 1]],
  telecom: [
    ['canonical', 40],
    ['ascii', 30],
    ['given-first', 15],
    ['typo', 15],
  ],
  'border-guard': [
    ['ascii-upper', 90],
    ['typo', 10],
  ],
  'labour-dept': [
    ['given-first-marked', 55],
    ['canonical', 25],
    ['ascii', 10],
    ['typo', 10],
  ],
  'foreign-affairs': nameStyles['foreign-affairs'],
};

const phoneStyles: Record<SourceName, readonly PhoneStyle[]> = {
  police: ['national-spaced', 'national', 'international-dashes'],
  telecom: ['e164', 'international-spaced'],
  'border-guard': ['international-dashes', 'national-spaced'],
  'labour-dept': ['parenthesised-dots', 'national-spaced'],
  'foreign-affairs': ['international-spaced', 'parenthesised-dots'],
};

export function personRef(externalId: string, ownSource?: SourceName): EntityRefInput {
  return ownSource === undefined ? { kind: 'PERSON', externalId } : { kind: 'PERSON', externalId, source: ownSource };
}

/** A reference to a phone the source has already sent, written the source's way. */
export function phoneRef(ctx: ScenarioContext, source: SourceName, national: string): EntityRefInput {
  return { kind: 'PHONE', externalId: writePhone(national, ctx.random.pick(phoneStyles[source])) };
}

/** A phone as `source` writes it; the source also sends the phone record, so its links never dangle. */
export function sendPhone(ctx: ScenarioContext, source: SourceName, national: string): EntityRefInput {
  const ref = phoneRef(ctx, source, national);
  ctx.router.phone(source, { number: ref.externalId }, national);
  return ref;
}

function describe(ctx: ScenarioContext, person: Person, source: SourceName, externalId: string): PersonInput {
  const style = ctx.random.pickWeighted((ctx.options.fieldNoise ? fieldNameStyles : nameStyles)[source]);
  return { externalId, fullName: writeName(ctx.random, person.name, style), sex: person.sex, nationality: 'VN' };
}

function remember(person: Person, source: SourceName, externalId: string): void {
  person.refs.push({ source, externalId });
}

/** The resident registry: everyone has exactly one, written correctly. */
export function registerWithPolice(ctx: ScenarioContext, person: Person): void {
  const record: PersonInput = {
    externalId: person.policeId,
    fullName: canonicalFullName(person.name),
    dateOfBirth: formatDay(person.birthDay),
    sex: person.sex,
    nationality: 'VN',
    province: person.province.name,
  };
  if (person.citizenId) record.documentNumbers = [person.citizenId];
  ctx.router.person(sources.police, record);
  remember(person, sources.police, person.policeId);
}

/** A second police record for the same person, opened by an investigating unit that did not find the first. */
export function openPoliceFileRecord(ctx: ScenarioContext, person: Person): string {
  const externalId = ctx.ids.next('HS');
  const record: PersonInput = {
    externalId,
    fullName: writeName(ctx.random, person.name, ctx.random.chance(0.5) ? 'typo' : 'canonical'),
    sex: person.sex,
    nationality: 'VN',
  };
  if (ctx.random.chance(0.6)) record.dateOfBirth = formatDay(person.birthDay);
  if (person.citizenId && ctx.random.chance(0.5)) record.documentNumbers = [person.citizenId];
  ctx.router.person(sources.police, record);
  remember(person, sources.police, externalId);
  return externalId;
}

/** A SIM registration: telecom knows the subscriber and which of its numbers they use. */
export function ensureTelecomSubscriber(ctx: ScenarioContext, person: Person): string {
  if (person.telecomId) return person.telecomId;
  const externalId = ctx.ids.next('TB');
  const record = describe(ctx, person, sources.telecom, externalId);
  // Field records: a SIM sold at a kiosk seldom carries the buyer's birth date or id.
  const field = ctx.options.fieldNoise;
  if (ctx.random.chance(field ? 0.4 : 0.7)) record.dateOfBirth = formatDay(person.birthDay);
  if (person.citizenId && ctx.random.chance(field ? 0.3 : 0.75)) record.documentNumbers = [person.citizenId];
  ctx.router.person(sources.telecom, record);
  remember(person, sources.telecom, externalId);
  person.telecomId = externalId;
  // Telecom sent every mobile when it was issued (see createHousehold).
  if (person.mobile) {
    const phone = phoneRef(ctx, sources.telecom, person.mobile);
    ctx.router.link(sources.telecom, { type: 'USES_PHONE', from: personRef(externalId), to: phone });
  }
  return externalId;
}

/** The traveller file the border guard keeps, usually with the passport number. */
export function ensureBorderGuardRecord(ctx: ScenarioContext, person: Person): string {
  if (person.borderGuardId) return person.borderGuardId;
  const externalId = ctx.ids.next('XNC');
  const record = describe(ctx, person, sources.borderGuard, externalId);
  record.dateOfBirth = formatDay(person.birthDay);
  person.passport ??= passportNumber(person.key);
  if (ctx.options.fieldNoise || ctx.random.chance(0.85) || !person.citizenId)
    record.documentNumbers = [person.passport];
  else record.documentNumbers = [person.citizenId];
  ctx.router.person(sources.borderGuard, record);
  remember(person, sources.borderGuard, externalId);
  person.borderGuardId = externalId;
  if (person.mobile && ctx.random.chance(0.4)) {
    // The contact number on the traveller's declaration.
    const phone = sendPhone(ctx, sources.borderGuard, person.mobile);
    ctx.router.link(sources.borderGuard, { type: 'USES_PHONE', from: personRef(externalId), to: phone });
  }
  return externalId;
}

/** A worker registered with the labour department (a legitimate recruit, or a complaint about a broker). */
export function ensureLabourRecord(ctx: ScenarioContext, person: Person): string {
  if (person.labourId) return person.labourId;
  const externalId = ctx.ids.next('NLD');
  const record = describe(ctx, person, sources.labour, externalId);
  const field = ctx.options.fieldNoise;
  if (ctx.random.chance(field ? 0.6 : 0.8)) record.dateOfBirth = formatDay(person.birthDay);
  record.province = person.province.name;
  const documents: string[] = [];
  if (person.citizenId && ctx.random.chance(field ? 0.3 : 0.6)) documents.push(person.citizenId);
  if (ctx.random.chance(field ? 0.3 : 0.4)) documents.push((person.passport ??= passportNumber(person.key)));
  if (documents.length > 0) record.documentNumbers = documents;
  ctx.router.person(sources.labour, record);
  if (person.mobile && ctx.random.chance(0.5)) {
    const phone = sendPhone(ctx, sources.labour, person.mobile);
    ctx.router.link(sources.labour, { type: 'USES_PHONE', from: personRef(externalId), to: phone });
  }
  remember(person, sources.labour, externalId);
  person.labourId = externalId;
  return externalId;
}

/** A repatriation file opened by foreign affairs when a victim is brought home. */
export function openRepatriationRecord(ctx: ScenarioContext, person: Person): string {
  const externalId = ctx.ids.next('BH');
  const record = describe(ctx, person, sources.foreignAffairs, externalId);
  record.dateOfBirth = formatDay(person.birthDay);
  if (person.passport && ctx.random.chance(0.6)) record.documentNumbers = [person.passport];
  ctx.router.person(sources.foreignAffairs, record);
  remember(person, sources.foreignAffairs, externalId);
  return externalId;
}

/**
 * A SIM registered to a straw name (field noise): a telecom subscriber record of nobody real, with no birth
 * date or document, using the phone. Returns the record, which the ring's truth lists as a straw subscriber.
 */
export function registerStrawSubscriber(ctx: ScenarioContext, national: string, name: string): SourceRef {
  const externalId = ctx.ids.next('TB');
  ctx.router.person(sources.telecom, {
    externalId,
    fullName: name,
    sex: ctx.random.chance(0.5) ? 'MALE' : 'FEMALE',
    nationality: 'VN',
  });
  ctx.router.link(sources.telecom, {
    type: 'USES_PHONE',
    from: personRef(externalId),
    to: phoneRef(ctx, sources.telecom, national),
  });
  return { source: sources.telecom, externalId };
}
