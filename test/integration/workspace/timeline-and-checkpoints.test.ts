import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { asRole, graphql, startTestService } from '../../support/service.ts';
import { ingestWorkspaceNetwork, type WorkspaceNetwork } from './workspace-network.ts';

const TIMELINE = /* GraphQL */ `
  query Timeline($ids: [ID!]!, $from: DateTime, $to: DateTime) {
    timeline(ids: $ids, from: $from, to: $to) {
      truncated
      events {
        id
        kind
        at
        entityIds
        label
        checkpointId
        country
        returned
      }
    }
  }
`;

interface Event {
  id: string;
  kind: string;
  at: string;
  entityIds: string[];
  label: string;
  checkpointId: string | null;
  country: string | null;
  returned: boolean | null;
}

let service: RunningService;
let net: WorkspaceNetwork;
let chartIds: string[];
const checkpointIds: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService();
  net = await ingestWorkspaceNetwork(service.url);
  chartIds = [net.ids.girl, net.ids.recruiter, net.ids.girlPhone, net.ids.recruiterPhone, net.ids.case];
  const places = await graphql<{ checkpoints: { id: string; name: string }[] }>(
    service.url,
    '{ checkpoints { id name } }',
  );
  for (const place of places.data!.checkpoints) checkpointIds[place.name] = place.id;
}, 300_000);

afterAll(async () => {
  await service?.close();
});

describe('checkpoints', () => {
  it('lists the known land-border checkpoints with their places, public to every reader', async () => {
    const response = await graphql<{
      checkpoints: { id: string; code: string; name: string; country: string; latitude: number; longitude: number }[];
    }>(service.url, '{ checkpoints { id code name country latitude longitude } }', {}, await asRole(['analyst']));
    expect(response.errors).toBeUndefined();
    const byName = new Map(response.data!.checkpoints.map((c) => [c.name, c]));
    for (const name of [
      'Lao Cai',
      'Mong Cai',
      'Huu Nghi',
      'Moc Bai',
      'Xa Mat',
      'Lao Bao',
      'Cau Treo',
      'Tay Trang',
      'Na Meo',
    ]) {
      const place = byName.get(name);
      expect(place, name).toBeDefined();
      // Inside Vietnam's bounding box.
      expect(place!.latitude).toBeGreaterThan(8.5);
      expect(place!.latitude).toBeLessThan(23.4);
      expect(place!.longitude).toBeGreaterThan(102.1);
      expect(place!.longitude).toBeLessThan(109.5);
    }
    expect(byName.get('Mong Cai')!.country).toBe('CN');
    expect(byName.get('Moc Bai')!.country).toBe('KH');
    expect(byName.get('Lao Bao')!.country).toBe('LA');
    // Mong Cai is east of Lao Cai, Moc Bai far south of both.
    expect(byName.get('Mong Cai')!.longitude).toBeGreaterThan(byName.get('Lao Cai')!.longitude + 3);
    expect(byName.get('Moc Bai')!.latitude).toBeLessThan(12);
  });

  it('gives a crossing its checkpoint with the same place', async () => {
    const response = await graphql<{ node: { checkpoint: { id: string; code: string; latitude: number } } }>(
      service.url,
      'query($id: ID!) { node(id: $id) { ... on BorderCrossing { checkpoint { id code latitude longitude } } } }',
      { id: net.ids.exitMongCai },
    );
    expect(response.data!.node.checkpoint.id).toBe(checkpointIds['Mong Cai']);
    expect(response.data!.node.checkpoint.code).toBe('MC');
    expect(response.data!.node.checkpoint.latitude).toBeCloseTo(21.54, 1);
  });

  it('is refused to the ingest role like every read', async () => {
    const response = await graphql(service.url, '{ checkpoints { id } }', {}, await asRole(['ingest']));
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the timeline of a chart', () => {
  it('gives the dated facts of the chart in order: crossings, first and last calls, the recruitment, the case', async () => {
    const response = await graphql<{ timeline: { truncated: boolean; events: Event[] } }>(service.url, TIMELINE, {
      ids: chartIds,
    });
    expect(response.errors).toBeUndefined();
    const events = response.data!.timeline.events;
    expect(events.map((e) => e.kind)).toEqual([
      'FIRST_CALL',
      'RECRUITMENT',
      'CROSSING_EXIT',
      'CROSSING_ENTRY',
      'LAST_CALL',
      'CROSSING_EXIT',
      'CASE_OPENED',
    ]);
    expect(response.data!.timeline.truncated).toBe(false);
    const [firstCall, recruitment, exitLaoCai, entryLaoCai, lastCall, exitMongCai, opened] = events as [
      Event,
      Event,
      Event,
      Event,
      Event,
      Event,
      Event,
    ];
    expect(Date.parse(firstCall.at)).toBe(Date.parse('2024-02-01T20:10:00+07:00'));
    expect(Date.parse(lastCall.at)).toBe(Date.parse('2024-06-10T22:05:00+07:00'));
    expect(firstCall.entityIds).toEqual([net.ids.girlPhone, net.ids.recruiterPhone]);
    expect(recruitment.entityIds).toEqual([net.ids.girl, net.ids.recruiter]);
    expect(recruitment.label).toBe(`${net.girlName} recruited by ${net.recruiterName}`);
    expect(exitLaoCai).toMatchObject({ checkpointId: checkpointIds['Lao Cai'], country: 'CN', returned: true });
    expect(entryLaoCai).toMatchObject({ checkpointId: checkpointIds['Lao Cai'], returned: null });
    expect(exitMongCai).toMatchObject({
      id: net.ids.exitMongCai,
      checkpointId: checkpointIds['Mong Cai'],
      returned: false,
      entityIds: [net.ids.girl, net.ids.exitMongCai, checkpointIds['Mong Cai']],
    });
    expect(exitMongCai.label).toBe(`${net.girlName} left for CN at Mong Cai, no return recorded`);
    expect(opened.at.slice(0, 10)).toBe('2024-08-15');
    expect(opened.entityIds).toEqual([net.ids.case]);
  });

  it('keeps to the period asked for', async () => {
    const response = await graphql<{ timeline: { events: Event[] } }>(service.url, TIMELINE, {
      ids: chartIds,
      from: '2024-03-01T00:00:00Z',
      to: '2024-04-30T23:59:59Z',
    });
    expect(response.data!.timeline.events.map((e) => e.kind)).toEqual([
      'RECRUITMENT',
      'CROSSING_EXIT',
      'CROSSING_ENTRY',
    ]);
  });

  it('refuses a period that ends before it starts, and no ids', async () => {
    const backwards = await graphql(service.url, TIMELINE, {
      ids: chartIds,
      from: '2024-05-01T00:00:00Z',
      to: '2024-04-01T00:00:00Z',
    });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const none = await graphql(service.url, TIMELINE, { ids: [] });
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows a viewer without clearance the same facts with the protected girl and her phone masked', async () => {
    const response = await graphql<{ timeline: { events: Event[] } }>(
      service.url,
      TIMELINE,
      { ids: chartIds },
      await asRole(['investigator'], { sub: 'uncleared-investigator' }),
    );
    expect(response.errors).toBeUndefined();
    const text = JSON.stringify(response);
    expect(response.data!.timeline.events).toHaveLength(7);
    for (const secret of [net.girlName, 'Ngọc Ánh', net.girlBorn, 'C0123456', net.girlPhone]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('Protected person');
    expect(text).toContain('Protected phone');
    // The recruiter is no one protected: his name stays.
    expect(text).toContain(net.recruiterName);
  });
});
