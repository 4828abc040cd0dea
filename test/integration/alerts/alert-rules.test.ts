import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AlertEvaluator } from '../../../src/alerts/alert-evaluator.ts';
import { defaultAlertOptions } from '../../../src/alerts/alert-options.ts';
import { toAlertRecord, type AlertRecord } from '../../../src/alerts/alert-records.ts';
import { namedIds, renderSummary } from '../../../src/alerts/render-summary.ts';
import { createServices, type Services } from '../../../src/app/services.ts';
import { appendChange } from '../../../src/changes/change-event.ts';
import type { Database } from '../../../src/db/database.ts';
import { ProtectionReader } from '../../../src/protection/protection-reader.ts';
import { ProtectionView } from '../../../src/protection/protection-view.ts';
import { connectTestDatabase, uniqueSource } from '../../support/database.ts';
import { batch, bornYearsAgo, crossing, daysAgo, ref } from './planted.ts';

// Writes take a second or more on a busy machine, and the first evaluation reads the whole feed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let db: Database;
let services: Services;
let evaluator: AlertEvaluator;

beforeAll(async () => {
  db = await connectTestDatabase();
  services = createServices(db);
  evaluator = new AlertEvaluator(
    db,
    services.changes,
    services.changeSignal,
    services.webhooks,
    defaultAlertOptions,
    (e) => {
      throw e;
    },
  );
  await evaluator.drain();
});
afterAll(() => db?.close());

/** The entity id of an agency's record. */
async function idOf(source: string, externalId: string, kind = 'PERSON'): Promise<string> {
  const entity = await services.entities.byRef(kind as 'PERSON', externalId, source);
  if (!entity) throw new Error(`no ${kind} ${source}/${externalId}`);
  return entity.id;
}

/** The alerts about any of these entities. */
async function alertsAbout(ids: string[], rule?: string): Promise<AlertRecord[]> {
  const rows = await db.runText<{ alert: Record<string, unknown> }>(
    'MATCH (a:Alert) WHERE any(id IN a.entityIds WHERE id IN $ids) AND ($rule IS NULL OR a.rule = $rule) RETURN a {.*} AS alert',
    { ids, rule: rule ?? null },
  );
  return rows.map((row) => toAlertRecord(row.alert));
}

async function summaryFor(alert: AlertRecord, clearance: ('minors' | 'victims')[]): Promise<string> {
  const view = new ProtectionView(new ProtectionReader(db), new Set(clearance), Buffer.alloc(32, 7));
  const entities = await services.entities.forViewer(view).byIds(namedIds(alert.template));
  return renderSummary(alert.template, entities, view);
}

async function ingest(input: Parameters<Services['ingest']['ingest']>[0]) {
  const report = await services.ingest.ingest(input);
  expect(report.errors).toEqual([]);
  await evaluator.drain();
  return report;
}

describe('MINOR_BORDER_EXIT', () => {
  it('raises one CRITICAL alert for a child leaving with a case suspect, and nothing again for the same records', async () => {
    const source = uniqueSource('minor-exit');
    const planted = batch(source, {
      idempotencyKey: 'k1',
      people: [
        { externalId: 'girl', fullName: 'Trần Thị Ngọc', dateOfBirth: bornYearsAgo(14) },
        { externalId: 'escort', fullName: 'Lê Văn Hùng', dateOfBirth: '1985-02-03' },
      ],
      cases: [
        { externalId: 'case', title: 'Tuyển dụng lừa đảo', status: 'UNDER_INVESTIGATION', openedAt: '2026-01-05' },
      ],
      crossings: [
        crossing('x-girl', 'girl', 'EXIT', daysAgo(1)),
        crossing('x-escort', 'escort', 'EXIT', daysAgo(1, 4)),
      ],
      links: [{ type: 'INVOLVED_IN', from: ref('escort'), to: { kind: 'CASE', externalId: 'case' }, role: 'SUSPECT' }],
    });
    await ingest(planted);
    const girl = await idOf(source, 'girl');
    const escort = await idOf(source, 'escort');
    const [alert, ...more] = await alertsAbout([girl], 'MINOR_BORDER_EXIT');
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ severity: 'CRITICAL', status: 'OPEN' });
    expect(alert!.entityIds).toEqual(expect.arrayContaining([girl, escort]));
    expect(alert!.sourceKeys.length).toBe(2); // the two crossing records
    const cleared = await summaryFor(alert!, ['minors', 'victims']);
    expect(cleared).toMatch(
      /^Trần Thị Ngọc \(14\) exited through Lao Cai to CN at .* with Lê Văn Hùng, a suspect in a case; no entry since\.$/,
    );

    // The replay (same key) and the same records again without a key raise nothing.
    await ingest(planted);
    await ingest({ ...planted, idempotencyKey: null });
    expect(await alertsAbout([girl], 'MINOR_BORDER_EXIT')).toHaveLength(1);
  });

  it('masks the child in the summary for a viewer without clearance', async () => {
    const source = uniqueSource('minor-mask');
    await ingest(
      batch(source, {
        people: [{ externalId: 'boy', fullName: 'Phạm Minh Khôi', dateOfBirth: bornYearsAgo(12) }],
        crossings: [crossing('x-boy', 'boy', 'EXIT', daysAgo(2), 'Mong Cai')],
      }),
    );
    const boy = await idOf(source, 'boy');
    const [alert] = await alertsAbout([boy], 'MINOR_BORDER_EXIT');
    expect(alert!.severity).toBe('HIGH');
    const masked = await summaryFor(alert!, []);
    expect(masked).not.toContain('Phạm');
    expect(masked).not.toContain('Khôi');
    expect(masked).not.toContain('(12)');
    expect(masked).toMatch(
      /^Protected person [0-9A-F]{6} \(under 16\) exited through Mong Cai .* with no adult; no entry since\.$/,
    );
    expect(await summaryFor(alert!, ['minors'])).toMatch(/^Phạm Minh Khôi \(12\)/);
  });

  it('raises nothing for a child leaving with a parent, and escalates when an escort turns up in a later batch', async () => {
    const source = uniqueSource('minor-parent');
    await ingest(
      batch(source, {
        people: [
          { externalId: 'child', fullName: 'Vũ Thị Lan', dateOfBirth: bornYearsAgo(9) },
          { externalId: 'mother', fullName: 'Vũ Thị Hoa', dateOfBirth: '1988-05-05' },
          { externalId: 'other', fullName: 'Đỗ Văn Nam', dateOfBirth: bornYearsAgo(13) },
        ],
        crossings: [
          crossing('x-child', 'child', 'EXIT', daysAgo(3), 'Huu Nghi'),
          crossing('x-mother', 'mother', 'EXIT', daysAgo(3, 1), 'Huu Nghi'),
          crossing('x-other', 'other', 'EXIT', daysAgo(3, 90), 'Huu Nghi'),
        ],
        links: [{ type: 'RELATIVE_OF', from: ref('child'), to: ref('mother') }],
      }),
    );
    expect(await alertsAbout([await idOf(source, 'child')], 'MINOR_BORDER_EXIT')).toEqual([]);
    const other = await idOf(source, 'other');
    const [alone] = await alertsAbout([other], 'MINOR_BORDER_EXIT');
    expect(alone!.severity).toBe('HIGH');

    // The escort's crossing, logged by another agency afterwards: the same alert, now CRITICAL.
    const police = `${source}-police`;
    await ingest(
      batch(police, {
        people: [{ externalId: 'escort', fullName: 'Ngô Văn Tài', dateOfBirth: '1979-09-09' }],
        cases: [{ externalId: 'c1', title: 'Mua bán người', status: 'UNDER_INVESTIGATION', openedAt: '2026-02-01' }],
        crossings: [crossing('x-escort', 'escort', 'EXIT', daysAgo(3, 95), 'Huu Nghi')],
        links: [{ type: 'INVOLVED_IN', from: ref('escort'), to: { kind: 'CASE', externalId: 'c1' }, role: 'SUSPECT' }],
      }),
    );
    const [escalated, ...more] = await alertsAbout([other], 'MINOR_BORDER_EXIT');
    expect(more).toEqual([]);
    expect(escalated).toMatchObject({ id: alone!.id, severity: 'CRITICAL' });
    expect(await summaryFor(escalated!, ['minors'])).toContain('Ngô Văn Tài, a suspect in a case');
  });

  it("raises nothing for a trader's daily crossings", async () => {
    const source = uniqueSource('trader');
    const crossings = Array.from({ length: 10 }, (_, day) => [
      crossing(`out-${day}`, 'trader', 'EXIT', daysAgo(day + 1, 0), 'Mong Cai'),
      crossing(`in-${day}`, 'trader', 'ENTRY', daysAgo(day + 1, 480), 'Mong Cai'),
    ]).flat();
    await ingest(
      batch(source, {
        people: [{ externalId: 'trader', fullName: 'Hoàng Văn Phúc', dateOfBirth: '1975-03-03' }],
        crossings,
      }),
    );
    await evaluator.checkNoReturn();
    expect(await alertsAbout([await idOf(source, 'trader')])).toEqual([]);
  });
});

describe('NO_RETURN', () => {
  it('raises for a child not back after 14 days, not for a school trip that came back, not before the 14 days', async () => {
    const source = uniqueSource('no-return');
    const pupils = ['p1', 'p2', 'p3'];
    await ingest(
      batch(source, {
        people: [
          ...pupils.map((id, i) => ({ externalId: id, fullName: `Học Sinh ${i}`, dateOfBirth: bornYearsAgo(11) })),
          { externalId: 't1', fullName: 'Giáo Viên Một', dateOfBirth: '1980-01-01' },
          { externalId: 't2', fullName: 'Giáo Viên Hai', dateOfBirth: '1982-01-01' },
          { externalId: 'gone', fullName: 'Lý Thị Mai', dateOfBirth: bornYearsAgo(15) },
          { externalId: 'recent', fullName: 'Lý Văn Đức', dateOfBirth: bornYearsAgo(13) },
        ],
        crossings: [
          ...[...pupils, 't1', 't2'].flatMap((id, i) => [
            crossing(`${id}-out`, id, 'EXIT', daysAgo(30, i), 'Cau Treo', 'LA'),
            crossing(`${id}-in`, id, 'ENTRY', daysAgo(27, i), 'Cau Treo', 'LA'),
          ]),
          crossing('gone-out', 'gone', 'EXIT', daysAgo(20), 'Moc Bai', 'KH'),
          crossing('recent-out', 'recent', 'EXIT', daysAgo(3), 'Moc Bai', 'KH'),
        ],
      }),
    );
    const pupilIds = await Promise.all(pupils.map((id) => idOf(source, id)));
    const gone = await idOf(source, 'gone');
    const recent = await idOf(source, 'recent');
    const raised = await evaluator.checkNoReturn();
    expect(raised.filter((a) => a.entityIds.includes(gone))).toHaveLength(1);
    expect(await alertsAbout(pupilIds, 'NO_RETURN')).toEqual([]);
    expect(await alertsAbout([recent], 'NO_RETURN')).toEqual([]);
    const [alert] = await alertsAbout([gone], 'NO_RETURN');
    expect(await summaryFor(alert!, ['minors'])).toMatch(/^Lý Thị Mai exited through Moc Bai .* no entry in 20 days/);
    expect(alert!.sourceKeys).toHaveLength(1);
    // The next check raises nothing new for the same exit.
    await evaluator.checkNoReturn();
    expect(await alertsAbout([gone], 'NO_RETURN')).toHaveLength(1);
  });
});

describe('watches and rings', () => {
  it('raises WATCHED_ENTITY_ACTIVITY for the watch owner on a new link, not on a re-sent one', async () => {
    const source = uniqueSource('watched');
    const people = batch(source, {
      people: [
        { externalId: 'w', fullName: 'Trịnh Văn Bảo', dateOfBirth: '1970-01-01' },
        { externalId: 'x', fullName: 'Mai Văn Cường', dateOfBirth: '1971-01-01' },
      ],
    });
    await ingest(people);
    const watched = await idOf(source, 'w');
    await services.alerts.watch('alice', { entityId: watched, ringId: null, note: 'case 14/2026' }, async () => true);
    const link = batch(source, { links: [{ type: 'KNOWS', from: ref('w'), to: ref('x') }] });
    await ingest(link);
    const [alert, ...more] = await alertsAbout([watched], 'WATCHED_ENTITY_ACTIVITY');
    expect(more).toEqual([]);
    expect(alert!.watchers).toEqual(['alice']);
    expect(await summaryFor(alert!, [])).toBe(
      `Trịnh Văn Bảo, whom you watch, appears in 1 new record from ${source}: Trịnh Văn Bảo knows Mai Văn Cường.`,
    );
    await ingest(link);
    expect(await alertsAbout([watched], 'WATCHED_ENTITY_ACTIVITY')).toHaveLength(1);
  });

  it('keeps one open RING_MEMBER_ACTIVITY alert per ring, and a new one once it is closed', async () => {
    const source = uniqueSource('ring-activity');
    await ingest(
      batch(source, {
        people: ['a', 'b', 'c', 'd'].map((id) => ({
          externalId: id,
          fullName: `Thành Viên ${id}`,
          dateOfBirth: '1980-01-01',
        })),
      }),
    );
    const member = await idOf(source, 'a');
    const ringId = `ring-${source}`;
    // A current ring as a detection run leaves it (the run itself is tested in test/integration/rings/).
    await db.runText(
      `CREATE (r:Ring {id: $ringId, current: true, score: 91, size: 1})
       WITH r MATCH (e:Entity {id: $member}) CREATE (e)-[:MEMBER_OF {role: 'recruiter'}]->(r)`,
      { ringId, member },
      'WRITE',
    );
    await ingest(batch(source, { links: [{ type: 'KNOWS', from: ref('a'), to: ref('b') }] }));
    await ingest(batch(source, { links: [{ type: 'KNOWS', from: ref('a'), to: ref('c') }] }));
    const open = await alertsAbout([member], 'RING_MEMBER_ACTIVITY');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ ringId, severity: 'HIGH' });
    expect(await summaryFor(open[0]!, [])).toContain(`ring ${ringId} (score 91): Thành Viên a (recruiter)`);
    await services.alerts.update(open[0]!.id, { status: 'CLOSED', assignee: 'bob', disposition: 'known contacts' });
    await ingest(batch(source, { links: [{ type: 'KNOWS', from: ref('a'), to: ref('d') }] }));
    expect(await alertsAbout([member], 'RING_MEMBER_ACTIVITY')).toHaveLength(2);
  });

  it('raises RING_CHANGED when a run adds a child to a ring, updates the open alert, and stays silent on an unchanged run', async () => {
    const source = uniqueSource('ring-changed');
    await ingest(
      batch(source, {
        people: [
          { externalId: 'kid', fullName: 'Đinh Thị Hạnh', dateOfBirth: bornYearsAgo(13) },
          { externalId: 'man', fullName: 'Đinh Văn Long', dateOfBirth: '1979-01-01' },
        ],
      }),
    );
    const kid = await idOf(source, 'kid');
    const man = await idOf(source, 'man');
    const ringId = `ring-${source}`;
    const run = (runId: string, rings: unknown[]) =>
      db.writeTransaction((tx) =>
        appendChange(tx, {
          kind: 'DETECTION_RUN',
          batchId: runId,
          source: null,
          entityIds: [],
          entityKinds: [],
          linkTypes: [],
          recordKeys: [],
          payload: { runId, rings },
        }),
      );
    const ring = (score: number, previousScore: number | null, addedMemberIds: string[]) => ({
      id: ringId,
      score,
      previousScore,
      status: null,
      addedMemberIds,
      memberCount: 5,
    });
    await run(`run-1-${source}`, [ring(72, 60, [kid])]);
    await evaluator.drain();
    const [alert, ...more] = await db
      .runText<{ alert: Record<string, unknown> }>(
        "MATCH (a:Alert {rule: 'RING_CHANGED', ringId: $ringId}) RETURN a {.*} AS alert",
        {
          ringId,
        },
      )
      .then((rows) => rows.map((row) => toAlertRecord(row.alert)));
    expect(more).toEqual([]);
    expect(alert!.severity).toBe('HIGH');
    expect(await summaryFor(alert!, [])).toMatch(
      /^Ring \S+ gained 1 member; 1 child under 16 among them \(Protected person [0-9A-F]{6}\) \(score 60 → 72\)/,
    );

    await run(`run-2-${source}`, [ring(74, 72, [])]);
    expect((await evaluator.drain()).filter((a) => a.ringId === ringId)).toEqual([]);

    await run(`run-3-${source}`, [ring(75, 74, [man])]);
    const updated = (await evaluator.drain()).filter((a) => a.ringId === ringId);
    expect(updated.map((a) => a.id)).toEqual([alert!.id]);
    expect(updated[0]!.entityIds).toEqual(expect.arrayContaining([kid, man]));
  });
});

describe('triage', () => {
  it('moves forward only and needs a disposition to close', async () => {
    const source = uniqueSource('triage');
    await ingest(
      batch(source, {
        people: [{ externalId: 'k', fullName: 'Bùi Thị Thu', dateOfBirth: bornYearsAgo(10) }],
        crossings: [crossing('x', 'k', 'EXIT', daysAgo(1), 'Tay Trang', 'LA')],
      }),
    );
    const [alert] = await alertsAbout([await idOf(source, 'k')]);
    const ack = await services.alerts.update(alert!.id, {
      status: 'ACKNOWLEDGED',
      assignee: 'carol',
      disposition: null,
    });
    expect(ack).toMatchObject({ status: 'ACKNOWLEDGED', assignee: 'carol' });
    await expect(
      services.alerts.update(alert!.id, { status: 'OPEN', assignee: undefined, disposition: null }),
    ).rejects.toThrow(/forward only/);
    await expect(
      services.alerts.update(alert!.id, { status: 'CLOSED', assignee: undefined, disposition: '  ' }),
    ).rejects.toThrow(/disposition/);
    const closed = await services.alerts.update(alert!.id, {
      status: 'CLOSED',
      assignee: undefined,
      disposition: 'family trip',
    });
    expect(closed).toMatchObject({ status: 'CLOSED', assignee: 'carol', disposition: 'family trip' });
  });
});
