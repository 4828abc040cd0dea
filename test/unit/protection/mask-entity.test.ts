import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../../src/entities/entity-records.ts';
import { maskEntity, mustMask } from '../../../src/protection/mask-entity.ts';
import { minorBornAfter } from '../../../src/protection/protection-reader.ts';
import { pseudonym, pseudonymKey } from '../../../src/protection/pseudonym.ts';

const key = pseudonymKey('unit-test-secret-0123456789-abcdefghijklmnop');

describe('protection of minors and victims', () => {
  it('counts a person as under 16 until the 16th birthday', () => {
    expect(minorBornAfter(new Date('2026-11-29T10:00:00Z'))).toBe('2010-11-29');
    // Born 2010-11-29: 16 today, no longer protected as a minor; born a day later: still 15.
    expect('2010-11-29' > minorBornAfter(new Date('2026-11-29T10:00:00Z'))).toBe(false);
    expect('2010-11-30' > minorBornAfter(new Date('2026-11-29T10:00:00Z'))).toBe(true);
  });

  it('masks unless the viewer has every clearance the protection calls for', () => {
    const both = { minor: true, victim: true };
    expect(mustMask(both, new Set(['minors']))).toBe(true);
    expect(mustMask(both, new Set(['victims']))).toBe(true);
    expect(mustMask(both, new Set(['minors', 'victims']))).toBe(false);
    expect(mustMask({ minor: false, victim: true }, new Set(['victims']))).toBe(false);
    expect(mustMask(undefined, new Set())).toBe(false);
  });

  it('replaces name, birth date and documents with a stable pseudonym', () => {
    const person: PersonRecord = {
      id: 'per_1',
      kind: 'PERSON',
      sources: [],
      fullName: 'Lê Thị Mai',
      dateOfBirth: '2014-01-02',
      sex: 'FEMALE',
      nationality: 'VN',
      documentNumbers: ['C123'],
      province: 'Quảng Ninh',
    };
    const masked = maskEntity(person, key);
    expect(masked).toMatchObject({ id: 'per_1', fullName: pseudonym(key, 'PERSON', 'per_1'), dateOfBirth: null });
    expect(masked.documentNumbers).toEqual([]);
    expect(masked.fullName).toMatch(/^Protected person [0-9A-F]{6}$/);
    expect(pseudonym(key, 'PERSON', 'per_1')).toBe(masked.fullName);
    expect(pseudonym(pseudonymKey('another-secret-0123456789-abcdefghijklmn'), 'PERSON', 'per_1')).not.toBe(
      masked.fullName,
    );
  });
});
