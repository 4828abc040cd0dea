import { describe, expect, it } from 'vitest';
import {
  defaultResolutionOptions,
  findDuplicates,
  planAutoMerges,
  preparePerson,
  scorePair,
  type ResolutionPerson,
} from '../../../src/resolution/core/index.ts';

const weights = defaultResolutionOptions.weights;
let next = 0;
function person(fields: Partial<ResolutionPerson> & { fullName: string }): ResolutionPerson {
  next += 1;
  return {
    id: `per_${String(next).padStart(4, '0')}`,
    dateOfBirth: null,
    sex: null,
    documentNumbers: [],
    province: null,
    phones: [],
    ...fields,
  };
}
const score = (a: ResolutionPerson, b: ResolutionPerson) => scorePair(preparePerson(a), preparePerson(b), weights);

describe('scorePair', () => {
  const hung = person({ fullName: 'Nguyễn Văn Hùng', dateOfBirth: '1985-03-02', sex: 'MALE', province: 'Quảng Ninh' });

  it('scores the name variants of one man high when the birth dates agree', () => {
    for (const variant of [
      'Nguyen Van Hung',
      'Hung Nguyen Van',
      'NGUYEN VAN HUNG',
      'Nguyễn Hùng',
      'Nguyễn Văn Hunng',
    ]) {
      const pair = score(hung, person({ fullName: variant, dateOfBirth: '1985-03-02', sex: 'MALE' }));
      expect(pair.score, variant).toBeGreaterThan(0.9);
    }
  });

  it('scores a variant with the birth date on one record only high when a phone is shared', () => {
    const a = { ...hung, phones: ['+84912345678'] };
    const pair = score(a, person({ fullName: 'Hung Nguyen Van', phones: ['+84912345678'] }));
    expect(pair.score).toBeGreaterThan(0.7);
    expect(pair.factors.map((f) => f.code)).toEqual(
      expect.arrayContaining(['NAME_REORDERED', 'BIRTH_DATE_ONE_SIDE', 'PHONE_SHARED']),
    );
  });

  it('scores namesakes born on different days low', () => {
    const other = person({
      fullName: 'Nguyễn Văn Hùng',
      dateOfBirth: '1991-11-20',
      sex: 'MALE',
      province: 'Quảng Ninh',
    });
    expect(score(hung, other).score).toBeLessThan(0.1);
    expect(score(hung, other).factors.map((f) => f.description)).toContain('different birth dates');
  });

  it('does not trust a common name alone', () => {
    expect(score(hung, person({ fullName: 'Nguyen Van Hung' })).score).toBeLessThan(0.7);
  });

  it('scores different people born the same day low', () => {
    const brother = person({ fullName: 'Nguyễn Văn Nam', dateOfBirth: '1985-03-02', sex: 'MALE' });
    expect(score(hung, brother).score).toBeLessThan(0.1);
  });

  it('takes an equal document number of the same kind as near proof, and makes it auto-mergeable', () => {
    const a = { ...hung, documentNumbers: ['CCCD:022085000123'] };
    const b = person({ fullName: 'Hung Nguyen Van', documentNumbers: ['CCCD:022085000123', 'PP:C1234567'] });
    const pair = score(a, b);
    expect(pair.score).toBeGreaterThan(0.99);
    expect(pair.autoMergeable).toBe(true);
    expect(pair.factors.map((f) => f.description)).toContain('the same citizen id (CCCD) number');
  });

  it('never auto-merges against a contradiction, and counts two citizen ids as two people', () => {
    const a = { ...hung, documentNumbers: ['PP:C1234567'] };
    const b = person({ fullName: 'Nguyễn Văn Hùng', dateOfBirth: '1990-01-01', documentNumbers: ['PP:C1234567'] });
    expect(score(a, b).autoMergeable).toBe(false);
    const c = { ...hung, documentNumbers: ['CCCD:022085000123'] };
    const d = person({
      fullName: 'Nguyễn Văn Hùng',
      dateOfBirth: '1985-03-02',
      documentNumbers: ['CCCD:022085000999'],
    });
    expect(score(c, d).score).toBeLessThan(0.5);
  });

  it('writes reasons without names, dates or numbers', () => {
    const a = { ...hung, documentNumbers: ['CCCD:022085000123'], phones: ['+84912345678'] };
    const b = person({ fullName: 'Hung Nguyen Van', documentNumbers: ['CCCD:022085000123'], phones: ['+84912345678'] });
    const text = score(a, b)
      .factors.map((f) => f.description)
      .join(' ');
    expect(text).not.toMatch(/\d{3}|hung|nguyen|1985/i);
  });
});

describe('findDuplicates and planAutoMerges', () => {
  it('finds the records of one person across agencies and leaves namesakes apart', () => {
    const police = person({
      fullName: 'Nguyễn Văn Hùng',
      dateOfBirth: '1985-03-02',
      documentNumbers: ['CCCD:022085000123'],
    });
    const border = person({ fullName: 'NGUYEN VAN HUNG', dateOfBirth: '1985-03-02', documentNumbers: ['PP:C1234567'] });
    const labour = person({ fullName: 'Hung Nguyen Van', documentNumbers: ['CCCD:022085000123', 'PP:C1234567'] });
    const namesake = person({ fullName: 'Nguyễn Văn Hùng', dateOfBirth: '1990-07-07' });
    const people = [police, border, labour, namesake];
    const { pairs } = findDuplicates(people);
    const ids = pairs.map((p) => [p.a, p.b].sort().join('|'));
    expect(ids).toEqual(
      expect.arrayContaining([
        [police.id, border.id].sort().join('|'),
        [police.id, labour.id].sort().join('|'),
        [border.id, labour.id].sort().join('|'),
      ]),
    );
    expect(ids.some((id) => id.includes(namesake.id))).toBe(false);
    const groups = planAutoMerges(new Map(people.map((p) => [p.id, p])), pairs, defaultResolutionOptions.weights);
    expect(groups).toHaveLength(1);
    expect(new Set([groups[0]!.keep, ...groups[0]!.merge])).toEqual(new Set([police.id, border.id, labour.id]));
  });

  it('skips blocks over the size limit and leaves out separated pairs', () => {
    const many = Array.from({ length: 5 }, () => person({ fullName: 'Trần Thị Mai' }));
    expect(findDuplicates(many, { maxBlockSize: 4, minScore: 0 }).stats.blocks.name).toEqual({ blocks: 1, skipped: 1 });
    const a = person({ fullName: 'Lê Văn Tám', dateOfBirth: '1970-01-01' });
    const b = person({ fullName: 'Le Van Tam', dateOfBirth: '1970-01-01' });
    expect(findDuplicates([a, b]).pairs).toHaveLength(1);
    expect(findDuplicates([a, b], {}, new Set([[a.id, b.id].sort().join('|')])).pairs).toHaveLength(0);
  });
});
