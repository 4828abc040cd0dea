import { describe, expect, it } from 'vitest';
import type { PhoneRecord } from '../../../src/entities/entity-records.ts';
import { maskEntity } from '../../../src/protection/mask-entity.ts';
import { protectedFrom } from '../../../src/protection/protection-reader.ts';
import { pseudonymKey, recordPseudonym } from '../../../src/protection/pseudonym.ts';
import { likelySamePerson, samePersonKeys } from '../../../src/resolution/core/same-person-keys.ts';
import { nameKey } from '../../../src/text/fold-name.ts';

const key = pseudonymKey('unit-test-secret-0123456789-abcdefghijklmnop');
const facts = (name: string, dateOfBirth: string | null, documentNumbers: string[] = []) => ({
  nameKey: nameKey(name),
  dateOfBirth,
  documentNumbers,
});

describe('the same-person rule that protection and ring detection share', () => {
  it('meets across spellings and word order with the same birth date', () => {
    const police = facts('Lý Thị Ngọc Hân', '2001-04-12');
    expect(likelySamePerson(police, facts('LY THI NGOC HAN', '2001-04-12'))).toBe(true);
    expect(likelySamePerson(police, facts('Hân Lý Thị Ngọc', '2001-04-12'))).toBe(true);
    expect(likelySamePerson(police, facts('Lý Thị Ngọc Hân', '2001-04-13'))).toBe(false);
    expect(likelySamePerson(police, facts('Lý Thị Ngọc Hân', null))).toBe(false);
  });

  it('meets on a document of the same kind and number, written in any case or with separators', () => {
    const police = facts('Lý Thị Ngọc Hân', null, ['CCCD:001301012345']);
    expect(likelySamePerson(police, facts('Another Name', null, ['cccd: 0013 0101 2345']))).toBe(true);
    expect(likelySamePerson(police, facts('Another Name', null, ['PP:001301012345']))).toBe(false);
    expect(samePersonKeys(facts('', null, ['  ']))).toEqual([]);
  });
});

describe('masking of agency record keys', () => {
  it("replaces a protected phone's record keys, which are its number, and keeps the agency", () => {
    const phone: PhoneRecord = {
      id: 'pho_1',
      kind: 'PHONE',
      e164: '+84912345678',
      sources: [{ source: 'police', externalId: '+84912345678', firstSeen: null, lastSeen: null }],
    };
    const masked = maskEntity(phone, key);
    expect(JSON.stringify(masked)).not.toContain('84912345678');
    expect(masked.sources[0]).toMatchObject({
      source: 'police',
      externalId: recordPseudonym(key, 'police', '+84912345678'),
    });
    expect(masked.sources[0]!.externalId).toMatch(/^Protected record [0-9A-F]{6}$/);
  });
});

describe('protection of a record whose name an agency mistyped', () => {
  const victim = { id: 'per_police', ...facts('Nguyễn Thị Hoa', '2004-03-09'), minor: false, victim: true };
  const subject = (id: string, name: string, dateOfBirth: string | null) => ({
    id,
    e164: null,
    subject: { id, fullName: name, ...facts(name, dateOfBirth) },
  });
  const protectedIds = (...subjects: ReturnType<typeof subject>[]) =>
    protectedFrom({ subjects, protectedRecords: [victim] }).map((entity) => entity.id);

  it('masks the border guard’s record of her birth date with two letters swapped, as ring detection joins them', () => {
    expect(protectedIds(subject('per_border', 'NGUYEN THI HAO', '2004-03-09'))).toEqual(['per_border']);
  });

  it('leaves another name, or the same slip on another birth date, unmasked', () => {
    expect(
      protectedIds(
        subject('per_lan', 'Nguyễn Thị Hoà Lan', '2004-03-09'),
        subject('per_hoai', 'Nguyễn Thị Hải', '2004-03-09'),
        subject('per_other_day', 'NGUYEN THI HAO', '2004-03-10'),
        subject('per_undated', 'NGUYEN THI HAO', null),
      ),
    ).toEqual([]);
  });
});
