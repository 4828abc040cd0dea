import { expect } from 'vitest';
import { uniquePhone, uniqueSource } from '../../support/database.ts';
import { INGEST, graphql } from '../../support/service.ts';

/**
 * A girl under 16 recruited over the phone and taken across the border, written through the
 * ingest mutation under a source of its own:
 *
 *   girl ─RECRUITED_BY(2024-03-05)→ recruiter;  girl's phone ─CALLED(first 2024-02-01, last 2024-06-10)→ recruiter's phone
 *   recruiter: EXIT Lao Cai 2024-04-01, ENTRY Lao Cai 2024-04-03 (came back)
 *   girl: EXIT Mong Cai 2024-07-01 to CN (no return);  case opened 2024-08-15, girl VICTIM, recruiter SUSPECT
 */
export interface WorkspaceNetwork {
  source: string;
  ids: Record<
    'girl' | 'recruiter' | 'girlPhone' | 'recruiterPhone' | 'case' | 'exitMongCai' | 'exitLaoCai' | 'entryLaoCai',
    string
  >;
  girlName: string;
  girlBorn: string;
  girlPhone: string;
  recruiterName: string;
}

export async function ingestWorkspaceNetwork(url: string): Promise<WorkspaceNetwork> {
  const source = uniqueSource('workspace');
  const girlPhone = uniquePhone();
  const recruiterPhone = uniquePhone();
  const girlBorn = new Date(Date.now() - 10 * 365 * 86_400_000).toISOString().slice(0, 10);
  const girlName = 'Hoàng Thị Ngọc Ánh';
  const recruiterName = 'Trịnh Văn Quân';
  const person = (externalId: string) => ({ kind: 'PERSON', externalId });
  const call = (at: string, count: number) => ({
    type: 'CALLED',
    from: { kind: 'PHONE', externalId: girlPhone },
    to: { kind: 'PHONE', externalId: recruiterPhone },
    count,
    at,
  });
  const first = await graphql<{ ingest: { errors: unknown[] } }>(url, INGEST, {
    batch: {
      source,
      people: [
        { externalId: 'girl', fullName: girlName, dateOfBirth: girlBorn, documentNumbers: ['C0123456'] },
        { externalId: 'recruiter', fullName: recruiterName, dateOfBirth: '1985-04-12' },
      ],
      phones: [{ number: girlPhone }, { number: recruiterPhone }],
      cases: [{ externalId: 'case', title: 'Đưa trẻ em qua biên giới', status: 'REPORTED', openedAt: '2024-08-15' }],
      crossings: [
        {
          externalId: 'x-lc-out',
          person: person('recruiter'),
          checkpoint: 'Lao Cai',
          direction: 'EXIT',
          at: '2024-04-01T09:00:00+07:00',
          country: 'CN',
        },
        {
          externalId: 'x-lc-in',
          person: person('recruiter'),
          checkpoint: 'Lào Cai',
          direction: 'ENTRY',
          at: '2024-04-03T16:30:00+07:00',
          country: 'CN',
        },
        {
          externalId: 'x-mc-out',
          person: person('girl'),
          checkpoint: 'Móng Cái',
          direction: 'EXIT',
          at: '2024-07-01T06:45:00+07:00',
          country: 'CN',
        },
      ],
      links: [
        { type: 'USES_PHONE', from: person('girl'), to: { kind: 'PHONE', externalId: girlPhone } },
        { type: 'USES_PHONE', from: person('recruiter'), to: { kind: 'PHONE', externalId: recruiterPhone } },
        { type: 'RECRUITED_BY', from: person('girl'), to: person('recruiter'), at: '2024-03-05T14:00:00+07:00' },
        { type: 'INVOLVED_IN', from: person('girl'), to: { kind: 'CASE', externalId: 'case' }, role: 'VICTIM' },
        { type: 'INVOLVED_IN', from: person('recruiter'), to: { kind: 'CASE', externalId: 'case' }, role: 'SUSPECT' },
        call('2024-02-01T20:10:00+07:00', 3),
      ],
    },
  });
  expect(first.errors).toBeUndefined();
  expect(first.data!.ingest.errors).toEqual([]);
  // The telecom's next report of the pair: a later last call, a larger running total.
  const second = await graphql<{ ingest: { errors: unknown[] } }>(url, INGEST, {
    batch: { source, links: [call('2024-06-10T22:05:00+07:00', 41)] },
  });
  expect(second.data!.ingest.errors).toEqual([]);

  const refs = {
    girl: person('girl'),
    recruiter: person('recruiter'),
    girlPhone: { kind: 'PHONE', externalId: girlPhone },
    recruiterPhone: { kind: 'PHONE', externalId: recruiterPhone },
    case: { kind: 'CASE', externalId: 'case' },
    exitMongCai: { kind: 'BORDER_CROSSING', externalId: 'x-mc-out' },
    exitLaoCai: { kind: 'BORDER_CROSSING', externalId: 'x-lc-out' },
    entryLaoCai: { kind: 'BORDER_CROSSING', externalId: 'x-lc-in' },
  };
  const ids = {} as WorkspaceNetwork['ids'];
  for (const [name, ref] of Object.entries(refs)) {
    const found = await graphql<{ entity: { id: string } | null }>(
      url,
      'query($ref: EntityRefInput!) { entity(ref: $ref) { id } }',
      { ref: { ...ref, source } },
    );
    expect(found.data?.entity, name).toBeTruthy();
    ids[name as keyof WorkspaceNetwork['ids']] = found.data!.entity!.id;
  }
  return { source, ids, girlName, girlBorn, girlPhone, recruiterName };
}
