import { describe, expect, it } from 'vitest';
import { foldName, normalizeName } from '../../../src/text/fold-name.ts';

describe('foldName', () => {
  it('makes Vietnamese spellings with and without diacritics equal', () => {
    expect(foldName('Nguyễn Văn Hùng')).toBe('nguyen van hung');
    expect(foldName('NGUYEN  van HUNG')).toBe('nguyen van hung');
    expect(foldName('Đặng Thị Đào')).toBe('dang thi dao');
  });

  it('keeps decomposed input equal to composed input', () => {
    expect(normalizeName('Nguyê\u0303n')).toBe('Nguyễn');
    expect(foldName('Nguyê\u0303n')).toBe(foldName('Nguyễn'));
  });
});
