import { describe, expect, it } from 'vitest';
import { planMerge, type EntitySnapshot, type TypedProperty } from '../../../src/resolution/core/index.ts';

const s = (key: string, value: string): TypedProperty => ({ key, type: 'STRING NOT NULL', value });
const list = (key: string, value: string[]): TypedProperty => ({ key, type: 'LIST<STRING NOT NULL> NOT NULL', value });
const int = (key: string, value: number): TypedProperty => ({ key, type: 'INTEGER NOT NULL', value });

const kept: EntitySnapshot = {
  id: 'per_k',
  labels: ['Entity', 'Person'],
  props: [s('id', 'per_k'), s('fullName', 'Nguyễn Văn Hùng'), list('documentNumbers', ['CCCD:1'])],
  sourceKeys: ['PERSON|police|CD-1'],
};
const merged: EntitySnapshot = {
  id: 'per_m',
  labels: ['Entity', 'Person'],
  props: [
    s('id', 'per_m'),
    s('fullName', 'Hung Nguyen Van'),
    s('dateOfBirth', '1985-03-02'),
    list('documentNumbers', ['CCCD:1', 'PP:C1']),
  ],
  sourceKeys: ['PERSON|telecom|TB-1'],
};

describe('planMerge', () => {
  it("keeps the kept entity's values, fills its empty fields and unites document numbers", () => {
    const plan = planMerge(kept, merged, [], []);
    expect(plan.keptSet).toEqual([s('dateOfBirth', '1985-03-02'), list('documentNumbers', ['CCCD:1', 'PP:C1'])]);
    expect(plan.snapshot.keptChangedKeys).toEqual(['dateOfBirth', 'documentNumbers']);
    expect(plan.snapshot.keptBefore).toEqual([list('documentNumbers', ['CCCD:1'])]);
  });

  it('moves new links, unites twins (sources joined, seen widened) and drops links between the two', () => {
    const twinBefore = [list('sources', ['police']), s('firstSeen', '2024-02-01'), s('lastSeen', '2024-03-01')];
    const plan = planMerge(
      kept,
      merged,
      [{ type: 'KNOWS', outgoing: false, otherId: 'per_x', props: twinBefore }],
      [
        {
          type: 'KNOWS',
          outgoing: true,
          otherId: 'per_x',
          props: [list('sources', ['telecom']), s('firstSeen', '2024-01-01'), s('lastSeen', '2024-01-02')],
        },
        { type: 'USES_PHONE', outgoing: true, otherId: 'pho_1', props: [list('sources', ['telecom']), int('n', 3)] },
        { type: 'RELATIVE_OF', outgoing: true, otherId: 'per_k', props: [] },
      ],
    );
    const [knows, phone, between] = plan.snapshot.relationships;
    expect(knows).toMatchObject({ action: 'united', kept: { outgoing: false, before: twinBefore } });
    if (knows?.action !== 'united') throw new Error('not united');
    expect(knows.kept.after).toEqual([
      list('sources', ['police', 'telecom']),
      s('firstSeen', '2024-01-01'),
      s('lastSeen', '2024-03-01'),
    ]);
    expect(phone).toMatchObject({ action: 'moved' });
    expect(between).toMatchObject({ action: 'between' });
  });
});
