import { describe, expect, it } from 'vitest';
import { oneSlipApart } from '../../../src/resolution/core/same-person-keys.ts';
import { defaultScoringOptions } from '../../../src/rings/core/default-detection-options.ts';
import { projectionEdgeColumns } from '../../../src/rings/core/evidence-columns.ts';
import { findBurnerPhones } from '../../../src/rings/core/find-burner-phones.ts';
import { indexIncidentRows } from '../../../src/rings/core/index-incident-rows.ts';
import { SamePersonEvidence } from '../../../src/rings/projection/same-person-evidence.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

// The agencies' own records of a person: a clerk's slip in a name, an undated SIM registration.

const record = (nameKey: string, dateOfBirth: string | null) => ({ nameKey, dateOfBirth, documents: [] });

describe('records one clerical slip apart', () => {
  it('reads a doubled, dropped or swapped letter in one word as the same name', () => {
    expect(oneSlipApart('hoa nguyen thi', 'hao nguyen thi')).toBe(true); // swapped
    expect(oneSlipApart('phuong quynh tran', 'phuong quyynh tran')).toBe(true); // doubled
    expect(oneSlipApart('phuong quynh tran', 'phuong quyh tran')).toBe(true); // dropped
  });

  it('does not read another name, or two changed words, as a slip', () => {
    expect(oneSlipApart('lan nguyen thi', 'lam nguyen thi')).toBe(false); // Lan and Lam are two names
    expect(oneSlipApart('hoa nguyen thi', 'hoa nguyen thi')).toBe(false); // the same: no slip
    expect(oneSlipApart('hoa nguyen thi', 'hao nguyen thu')).toBe(false);
    expect(oneSlipApart('hoa nguyen thi', 'hoa nguyen')).toBe(false);
  });

  it("ties the border guard's mistyped record to the registry's when the birth date is the same", () => {
    const evidence = new SamePersonEvidence();
    evidence.add(1, record('hoa nguyen thi', '1996-08-31')); // the registry: Nguyễn Thị Hoa
    evidence.add(2, record('hao nguyen thi', '1996-08-31')); // the border guard: NGUYEN THI HAO
    evidence.add(3, record('hao nguyen thi', '1996-09-01')); // another person
    evidence.add(4, record('lam nguyen thi', '1996-08-31')); // another name, born the same day
    expect(evidence.pairs()).toEqual([{ source: 1, target: 2, count: 1 }]);
  });

  it('does not compare the names of a birth date that too many records give', () => {
    const evidence = new SamePersonEvidence(10, 3);
    for (const node of [1, 2, 3, 4])
      evidence.add(node, record(node === 1 ? 'hoa nguyen thi' : 'hao nguyen thi', '1990-01-01'));
    // The three records of one key are too few for maxGroup to drop them; the slip pairs are left out.
    expect(evidence.pairs().filter((pair) => pair.source === 1)).toEqual([]);
  });
});

function burnersOf(builder: ProjectionBuilder): string[] {
  const projection = builder.build();
  const columns = projectionEdgeColumns(projection);
  const incident = indexIncidentRows(projection.nodes.length, columns);
  const flags = findBurnerPhones(projection.nodes, columns, incident, defaultScoringOptions);
  return projection.nodes.filter((_, i) => flags[i] === 1).map((node) => node.entityId);
}

describe("a phone used by one person under two agencies' records", () => {
  /**
   * A family: the father's registry record and his SIM registration (no birth date, so left untied: the
   * city has a child of the same name), the mother and a child on the home phone; the father's mobile,
   * used by both of his records, calls home every day.
   */
  function family(fatherOnSim: string): ProjectionBuilder {
    return new ProjectionBuilder()
      .person('father', { ageYears: 39 })
      .person('father-sim', { ageYears: null })
      .person('mother', { ageYears: 40 })
      .person('child', { ageYears: 8 })
      .phone('home')
      .phone('mobile')
      .label('father', 'Dương Đức Thành')
      .label('father-sim', fatherOnSim)
      .clique(['father', 'mother', 'child'], 'RELATIVE_OF')
      .link('father', 'home', 'SHARED_PHONE')
      .link('father-sim', 'home', 'SHARED_PHONE')
      .link('mother', 'home', 'SHARED_PHONE')
      .link('child', 'home', 'SHARED_PHONE')
      .link('father', 'mobile', 'SHARED_PHONE')
      .link('father-sim', 'mobile', 'SHARED_PHONE')
      .link('mobile', 'home', 'CALLED', 28);
  }

  it('does not take a family phone for a burner when the father is on it under his SIM record too', () => {
    expect(burnersOf(family('Duong Duc Thanh'))).toEqual([]);
  });

  it('still counts a stranger of another name on the phones as a second user', () => {
    expect(burnersOf(family('Le Van Tam'))).toEqual(['home', 'mobile']);
  });
});
