import { describe, expect, it } from 'vitest';
import { csvToRecords, checkMappingFields } from '../../../src/import/csv-to-records.ts';
import { evaluateValue } from '../../../src/import/mapping/evaluate-value.ts';
import { MappingError, parseMapping } from '../../../src/import/mapping/mapping-schema.ts';
import { parseDate } from '../../../src/import/mapping/parse-date.ts';
import { substitutePhones } from '../../../src/import/mapping/substitute-phone.ts';
import { parseCsv } from '../../../src/import/read-csv.ts';
import { splitIntoBatches } from '../../../src/import/split-into-batches.ts';
import { normalizePhone } from '../../../src/entities/normalize-phone.ts';

/** Inline CSV files by name, as the importer's table reader serves them. */
function tables(files: Record<string, string>) {
  return async (name: string) => {
    const text = files[name];
    if (text === undefined) throw new Error(`no file ${name}`);
    return parseCsv(text);
  };
}

const files = {
  'people.csv':
    ':ID,name,surname,nhs_no,born\n1,Nguyễn,Văn Hùng,111-22-3333,7/3/1990\n2,"Trần, Thị",Lan,,\n3,Lê,Minh,444,31/02/1990\n',
  'phones.csv': ':ID,phoneNo\n10,0912 345 678\n11,0-(070)893-3322\n12,(+84) 912.345.678\n',
  'has_phone.csv': ':START_ID,:END_ID\n1,10\n2,11\n3,12\n9,10\n',
  'calls.csv': ':ID,call_date,call_time\n100,04/08/2017,00:32\n101,27/08/2017,14:44\n102,6/08/2017,9:05\n',
  'caller.csv': ':START_ID,:END_ID\n100,10\n101,10\n102,11\n',
  'called.csv': ':START_ID,:END_ID\n100,11\n101,11\n102,10\n',
  'knows.csv': ':START_ID,:END_ID\n1,2\n2,1\n1,3\n',
};

const mapping = parseMapping({
  source: 'unit',
  files: [
    {
      file: 'people.csv',
      yields: 'people',
      nodeId: ':ID',
      fields: {
        externalId: { concat: [{ value: 'p-' }, ':ID'] },
        fullName: { concat: ['name', 'surname'], separator: ' ' },
        documentNumbers: ['nhs_no'],
        dateOfBirth: { date: 'born', format: 'D/M/YYYY' },
        nationality: { value: 'VN' },
      },
    },
    { file: 'phones.csv', yields: 'phones', nodeId: ':ID', fields: { number: 'phoneNo' }, undialable: 'substitute' },
    {
      file: 'has_phone.csv',
      yields: 'links',
      type: 'USES_PHONE',
      from: { node: ':START_ID' },
      to: { node: ':END_ID' },
    },
    {
      file: 'calls.csv',
      yields: 'links',
      type: 'CALLED',
      join: [
        { file: 'caller.csv', column: ':START_ID', on: ':ID', as: 'caller' },
        { file: 'called.csv', column: ':START_ID', on: ':ID', as: 'callee' },
      ],
      from: { node: 'caller.:END_ID' },
      to: { node: 'callee.:END_ID' },
      at: { dateTime: 'call_date', time: 'call_time', format: 'D/M/YYYY', offset: '+07:00' },
      aggregate: 'count',
    },
    {
      file: 'knows.csv',
      yields: 'links',
      type: 'KNOWS',
      from: { node: ':START_ID' },
      to: { node: ':END_ID' },
      aggregate: 'distinct',
    },
  ],
});

describe('value specs', () => {
  const row = { a: ' x ', b: '', c: '04/08/2017', t: '9:05', s: 'Under investigation' };
  it('reads columns, fixed values, concatenations and lookups', () => {
    expect(evaluateValue('a', row)).toBe('x');
    expect(evaluateValue({ value: 'GB' }, row)).toBe('GB');
    expect(evaluateValue({ concat: ['a', 'b', { value: 'y' }], separator: '-' }, row)).toBe('x-y');
    expect(evaluateValue({ map: 's', values: { 'Under investigation': 'UNDER_INVESTIGATION' } }, row)).toBe(
      'UNDER_INVESTIGATION',
    );
    expect(evaluateValue({ map: 'b', values: {}, default: 'REPORTED' }, row)).toBe('REPORTED');
  });

  it('rewrites dates and date-times, and passes text that is not a date on as written', () => {
    expect(evaluateValue({ date: 'c', format: 'DD/MM/YYYY' }, row)).toBe('2017-08-04');
    expect(evaluateValue({ dateTime: 'c', time: 't', format: 'D/M/YYYY', offset: '+07:00' }, row)).toBe(
      '2017-08-04T09:05:00+07:00',
    );
    expect(parseDate('31/02/1990', 'D/M/YYYY')).toBeUndefined();
    expect(parseDate('2024-07-30 08:15', 'YYYY-MM-DD HH:mm')).toEqual({ date: '2024-07-30', time: '08:15:00' });
    expect(evaluateValue({ date: 'a', format: 'D/M/YYYY' }, row)).toBe('x');
  });

  it('refuses a mapping with an unknown shape or field, naming the place', () => {
    expect(() =>
      parseMapping({ files: [{ file: 'x.csv', yields: 'people', fields: { fullName: { col: 'a' } } }] }),
    ).toThrow(MappingError);
    const wrongField = parseMapping({ files: [{ file: 'x.csv', yields: 'people', fields: { surname: 'a' } }] });
    expect(() => checkMappingFields(wrongField)).toThrow(/people have no field surname/);
  });
});

describe('CSV to ingest records', () => {
  it('makes people, phones and links, aggregates calls and merges repeated undirected links', async () => {
    const { records, notes } = await csvToRecords(mapping, tables(files));
    expect(records.people).toEqual([
      {
        externalId: 'p-1',
        fullName: 'Nguyễn Văn Hùng',
        documentNumbers: ['111-22-3333'],
        dateOfBirth: '1990-03-07',
        nationality: 'VN',
      },
      { externalId: 'p-2', fullName: 'Trần, Thị Lan', nationality: 'VN' },
      // Not a calendar date: passed on, so the service reports INVALID_DATE.
      {
        externalId: 'p-3',
        fullName: 'Lê Minh',
        documentNumbers: ['444'],
        dateOfBirth: '31/02/1990',
        nationality: 'VN',
      },
    ]);
    // Two ways of writing one number are one phone; the undialable one gets a drama number.
    const substitute = substitutePhones(['0-(070)893-3322']).get('0-(070)893-3322')!;
    expect(records.phones).toEqual([{ number: '+84912345678' }, { number: substitute }]);
    expect(normalizePhone(substitute, 'VN')).toBe(substitute);
    expect(notes.substitutedPhones.count).toBe(1);

    const byType = (type: string) => records.links.filter((l) => l.type === type);
    expect(byType('USES_PHONE').map((l) => [l.from.externalId, l.to.externalId])).toEqual([
      ['p-1', '+84912345678'],
      ['p-2', substitute],
      ['p-3', '+84912345678'],
    ]);
    expect(notes.unresolved.count).toBe(1); // 9 → 10: person 9 is in no node file
    expect(byType('CALLED')).toEqual([
      {
        type: 'CALLED',
        from: { kind: 'PHONE', externalId: '+84912345678' },
        to: { kind: 'PHONE', externalId: substitute },
        count: 2,
        at: '2017-08-27T14:44:00+07:00',
      },
      {
        type: 'CALLED',
        from: { kind: 'PHONE', externalId: substitute },
        to: { kind: 'PHONE', externalId: '+84912345678' },
        count: 1,
        at: '2017-08-06T09:05:00+07:00',
      },
    ]);
    // 1-2 and 2-1 are one KNOWS tie.
    expect(byType('KNOWS').map((l) => `${l.from.externalId}-${l.to.externalId}`)).toEqual(['p-1-p-2', 'p-1-p-3']);
    expect(notes.merged).toBe(3); // the repeated phone, the second call of a pair, KNOWS 2-1
  });

  it('sends undialable numbers as written when the mapping does not substitute them', async () => {
    const rejecting = parseMapping({
      files: [{ file: 'phones.csv', yields: 'phones', nodeId: ':ID', fields: { number: 'phoneNo' } }],
    });
    const { records, notes } = await csvToRecords(rejecting, tables(files));
    expect(records.phones).toContainEqual({ number: '0-(070)893-3322', defaultCountry: 'VN' });
    expect(notes.undialablePhones).toEqual({ count: 1, examples: ['0-(070)893-3322 (read in VN)'] });
  });

  it('names a column the file does not have', async () => {
    const broken = parseMapping({
      files: [{ file: 'people.csv', yields: 'people', fields: { externalId: ':ID', fullName: 'first_name' } }],
    });
    await expect(csvToRecords(broken, tables(files))).rejects.toThrow(/people.csv has no column "first_name"/);
  });

  it('reads quoted cells with commas and line breaks (csv-parse)', () => {
    const table = parseCsv('\uFEFFa,b\n"x, y","line\nbreak"\n');
    expect(table).toEqual({ columns: ['a', 'b'], rows: [{ a: 'x, y', b: 'line\nbreak' }] });
  });
});

describe('batches', () => {
  it('cuts records into batches in dependency order, with keys that depend on the content only', () => {
    const records = {
      people: [
        { externalId: 'a', fullName: 'A' },
        { externalId: 'b', fullName: 'B' },
        { externalId: 'c', fullName: 'C' },
      ],
      links: [
        {
          type: 'KNOWS',
          from: { kind: 'PERSON' as const, externalId: 'a' },
          to: { kind: 'PERSON' as const, externalId: 'b' },
        },
      ],
    };
    const batches = [...splitIntoBatches(records, 's', 2)];
    expect(batches.map((b) => [b.people?.length ?? 0, b.links?.length ?? 0])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(new Set(batches.map((b) => b.idempotencyKey)).size).toBe(2);
    expect([...splitIntoBatches(records, 's', 2)].map((b) => b.idempotencyKey)).toEqual(
      batches.map((b) => b.idempotencyKey),
    );
    expect([...splitIntoBatches(records, 'other', 2)][0]!.idempotencyKey).not.toBe(batches[0]!.idempotencyKey);
  });
});
