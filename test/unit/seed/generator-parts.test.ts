import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { ageOn, birthDayForAge, dayNumber, formatDateTime, minuteAt } from '../../../seed/format/calendar.ts';
import { stripDiacritics, withTypo, writeName } from '../../../seed/format/name-variants.ts';
import { createPhoneNumberAllocator, writePhone } from '../../../seed/format/phone-numbers.ts';
import { resolveScenarioOptions, scenarioPresets } from '../../../seed/options.ts';
import { createRandom } from '../../../seed/prng.ts';

describe('seeded random', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number): number[] => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int() within its bounds', () => {
    const random = createRandom(1);
    const values = Array.from({ length: 2_000 }, () => random.int(3, 6));
    expect(new Set(values)).toEqual(new Set([3, 4, 5, 6]));
  });
});

describe('names', () => {
  const name = { family: 'Nguyễn', middle: 'Văn', given: 'Đức' };

  it('writes the variants agencies use', () => {
    const random = createRandom(1);
    expect(stripDiacritics('Đặng Thị Hương')).toBe('Dang Thi Huong');
    expect(writeName(random, name, 'canonical')).toBe('Nguyễn Văn Đức');
    expect(writeName(random, name, 'ascii-upper')).toBe('NGUYEN VAN DUC');
    expect(writeName(random, name, 'given-first')).toBe('Duc Nguyen Van');
  });

  it('makes a typo of a single letter', () => {
    const typo = withTypo(createRandom(3), { family: 'Trần', middle: 'Thị', given: 'Hương' });
    expect(typo.given).not.toBe('Hương');
    expect(Math.abs(typo.given.length - 'Hương'.length)).toBeLessThanOrEqual(1);
  });
});

describe('phone numbers', () => {
  it('hands out distinct valid mobiles', () => {
    const next = createPhoneNumberAllocator(createRandom(9));
    const numbers = Array.from({ length: 5_000 }, next);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers.slice(0, 500)) expect(isValidPhoneNumber(number, 'VN'), number).toBe(true);
  });

  it('writes one number in the formats clerks use', () => {
    expect(writePhone('0912345678', 'national-spaced')).toBe('0912 345 678');
    expect(writePhone('0912345678', 'international-spaced')).toBe('+84 912 345 678');
    expect(writePhone('0912345678', 'parenthesised-dots')).toBe('(+84) 912.345.678');
    expect(writePhone('0912345678', 'international-dashes')).toBe('+84-912-345-678');
  });
});

describe('calendar', () => {
  it('formats Vietnam wall-clock time with +07:00 whatever the machine’s zone', () => {
    expect(formatDateTime(minuteAt(dayNumber('2026-06-30'), 8, 15))).toBe('2026-06-30T08:15:00+07:00');
  });

  it('gives birth days of the requested age on the reference day', () => {
    const reference = dayNumber('2026-06-30');
    for (const [age, after] of [
      [15, 0],
      [15, 364],
      [40, 100],
    ] as const) {
      expect(ageOn(reference, birthDayForAge(reference, age, after))).toBe(age);
    }
  });
});

describe('options', () => {
  it('fills a preset and lets explicit sizes override it', () => {
    expect(resolveScenarioOptions({ preset: 'test', rings: 12 })).toMatchObject({
      ...scenarioPresets.test,
      rings: 12,
      batchSize: 5_000,
      referenceDate: '2026-06-30',
    });
    expect(scenarioPresets.bench.people).toBe(1_000_000);
  });

  it('rejects impossible options', () => {
    expect(() => resolveScenarioOptions({ people: 500, rings: 100 })).toThrow();
    expect(() => resolveScenarioOptions({ referenceDate: '2026-13-45' })).toThrow();
  });
});
