import { describe, expect, it } from 'vitest';
import { SamePersonEvidence } from '../../../src/rings/projection/same-person-evidence.ts';

const person = (nameKey: string | null, dateOfBirth: string | null, documents: string[] = []) => ({
  nameKey,
  dateOfBirth,
  documents,
});

const sorted = (pairs: { source: number; target: number; count: number }[]) =>
  [...pairs].sort((a, b) => a.source - b.source || a.target - b.target);

describe('SamePersonEvidence', () => {
  it('pairs records with the same name and birth date, or a shared document, counting both', () => {
    const evidence = new SamePersonEvidence();
    evidence.add(7, person('hung nguyen van', '1990-02-03', ['B123']));
    evidence.add(3, person('hung nguyen van', '1990-02-03', ['B123']));
    evidence.add(5, person('hung nguyen van', '1991-02-03')); // another birth date: another person
    evidence.add(9, person('lan tran thi', '1985-01-01', ['B123', 'B123'])); // the document only
    evidence.add(11, person(null, '1990-02-03')); // no name: never grouped by name
    expect(sorted(evidence.pairs())).toEqual([
      { source: 3, target: 7, count: 2 },
      { source: 3, target: 9, count: 1 },
      { source: 7, target: 9, count: 1 },
    ]);
  });

  it('ties nobody through a group larger than maxGroup', () => {
    const evidence = new SamePersonEvidence(3);
    for (const node of [1, 2, 3, 4]) evidence.add(node, person('an le', '2000-01-01'));
    for (const node of [10, 11, 12]) evidence.add(node, person(null, null, ['OFFICE-1']));
    expect(sorted(evidence.pairs())).toEqual([
      { source: 10, target: 11, count: 1 },
      { source: 10, target: 12, count: 1 },
      { source: 11, target: 12, count: 1 },
    ]);
  });

  it('finds nothing among people who share nothing', () => {
    const evidence = new SamePersonEvidence();
    evidence.add(1, person('an le', '2000-01-01', ['A1']));
    evidence.add(2, person('an le', '2000-01-02', ['A2']));
    expect(evidence.pairs()).toEqual([]);
  });
});

describe('SamePersonEvidence with the agencies own records', () => {
  it('ties an undated record to the dated ones of its name when they give one birth date', () => {
    const evidence = new SamePersonEvidence();
    evidence.add(1, person('ngan thi tran', '2003-04-05')); // the registry
    evidence.add(2, person('ngan thi tran', '2003-04-05')); // the border guard
    evidence.add(3, person('ngan thi tran', null)); // a SIM sold at a kiosk
    expect(sorted(evidence.pairs())).toEqual([
      { source: 1, target: 2, count: 1 },
      { source: 1, target: 3, count: 1 },
      { source: 2, target: 3, count: 1 },
    ]);
  });

  it('leaves an undated record untied when two people bear its name', () => {
    const evidence = new SamePersonEvidence();
    evidence.add(1, person('hung nguyen van', '1990-02-03'));
    evidence.add(2, person('hung nguyen van', '1971-08-09'));
    evidence.add(3, person('hung nguyen van', null));
    expect(evidence.pairs()).toEqual([]);
  });

  it('reads documents as entity resolution does', () => {
    const evidence = new SamePersonEvidence();
    evidence.add(1, person('a', '2000-01-01', ['PP:C123 4567']));
    evidence.add(2, person('b', null, ['pp:c1234567']));
    expect(evidence.pairs()).toEqual([{ source: 1, target: 2, count: 1 }]);
  });
});
