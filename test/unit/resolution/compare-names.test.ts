import { describe, expect, it } from 'vitest';
import { compareNames, editDistance, slipKind } from '../../../src/resolution/core/index.ts';

describe('compareNames', () => {
  it('reads one name in every agency spelling and order', () => {
    expect(compareNames('Nguyễn Văn Hùng', 'Nguyen Van Hung')).toEqual({ similarity: 1, match: 'same' });
    expect(compareNames('Nguyễn Văn Hùng', 'NGUYỄN VĂN HÙNG').similarity).toBe(1);
    expect(compareNames('Nguyễn Văn Hùng', 'Hung Nguyen Van')).toMatchObject({ match: 'reordered' });
    expect(compareNames('Nguyễn Văn Hùng', 'Hung Nguyen Van').similarity).toBeGreaterThanOrEqual(0.95);
    expect(compareNames('Đặng Thị Lan', 'Dang Thi Lan').similarity).toBe(1);
  });

  it('takes a left-out middle name as the same name, a little less sure', () => {
    const c = compareNames('Nguyễn Văn Hùng', 'Nguyễn Hùng');
    expect(c.match).toBe('middle-missing');
    expect(c.similarity).toBeGreaterThan(0.9);
    expect(c.similarity).toBeLessThan(1);
    expect(compareNames('Hung Nguyen Van', 'Nguyễn Hùng').similarity).toBeGreaterThan(0.9);
  });

  it('forgives one clerical slip in a word', () => {
    for (const typo of ['Nguyễn Văn Hunng', 'Nguyễn Văn Hugn', 'Nguyễn Văn Hng', 'Nguyen Van Huung']) {
      const c = compareNames('Nguyễn Văn Hùng', typo);
      expect(c.match, typo).toBe('slip');
      expect(c.similarity, typo).toBeGreaterThan(0.85);
    }
  });

  it('tells different given names, family names and middle names apart', () => {
    expect(compareNames('Nguyễn Văn Hùng', 'Nguyễn Văn Hoàng').similarity).toBeLessThan(0.5);
    expect(compareNames('Nguyễn Văn Hùng', 'Trần Văn Hùng').similarity).toBeLessThan(0.5);
    expect(compareNames('Nguyễn Văn Hùng', 'Nguyễn Văn Nam').match).toBe('different');
    expect(compareNames('Nguyễn Văn Hùng', 'Nguyễn Đức Hùng')).toMatchObject({ match: 'middle-differs' });
    expect(compareNames('Nguyễn Văn Hùng', 'Nguyễn Đức Hùng').similarity).toBeLessThanOrEqual(0.6);
    // "An" and "Anh" are two names, not a slip.
    expect(compareNames('Lê Thị An', 'Lê Thị Anh').similarity).toBeLessThan(0.9);
  });

  it('is symmetric', () => {
    const names = ['Nguyễn Văn Hùng', 'Hung Nguyen Van', 'Nguyễn Hùng', 'Nguyễn Văn Hunng', 'Trần Thị Mai', 'Mai'];
    for (const a of names)
      for (const b of names) expect(compareNames(a, b).similarity).toBeCloseTo(compareNames(b, a).similarity, 10);
  });
});

describe('edit distance', () => {
  it('counts an adjacent swap as one edit and names the slip', () => {
    expect(editDistance('hung', 'hugn')).toBe(1);
    expect(editDistance('hung', 'hoang')).toBe(2);
    expect(editDistance('nguyen', 'tran', 2)).toBe(3);
    expect(slipKind('hung', 'hugn')).toBe('transposition');
    expect(slipKind('hung', 'hunng')).toBe('doubled-letter');
    expect(slipKind('hung', 'hng')).toBe('insertion');
    expect(slipKind('hung', 'hong')).toBe('substitution');
    expect(slipKind('hung', 'hung')).toBeNull();
  });
});
