import { describe, expect, it } from 'vitest';
import type { RingRole } from '../../../seed/truth-types.ts';
import { cachedScenario } from './collect-scenario.ts';
import { ageOn, indexScenario, refKey } from './scenario-index.ts';

const referenceDate = '2026-06-30';
const demo = indexScenario(cachedScenario({ preset: 'demo', seed: 42 }));

const membersWithRole = (role: RingRole) => demo.rings.flatMap((ring) => ring.members.filter((m) => m.role === role));
const hourOf = (at: string): string => at.slice(0, 13);

describe('planted rings', () => {
  it('plants the preset number of rings of every shape, 6 to 25 people, each with all four roles', () => {
    expect(demo.rings).toHaveLength(8);
    expect(new Set(demo.rings.map((ring) => ring.shape))).toEqual(
      new Set(['LABOUR_EXPORT_SCAM', 'CHILD_TRAFFICKING_CN', 'BRIDES_TO_CN', 'SCAM_COMPOUND_YOUTHS']),
    );
    for (const ring of demo.rings) {
      expect(ring.members.length).toBeGreaterThanOrEqual(6);
      expect(ring.members.length).toBeLessThanOrEqual(25);
      expect(new Set(ring.members.map((member) => member.role))).toEqual(
        new Set(['organiser', 'recruiter', 'escort', 'victim']),
      );
    }
  });

  it('names ring members by records that were sent, and includes victims under 16 on the reference date', () => {
    for (const member of demo.rings.flatMap((ring) => ring.members)) {
      for (const ref of member.refs) expect(demo.people.has(refKey(ref)), refKey(ref)).toBe(true);
    }
    const victimAges = membersWithRole('victim').map((victim) => {
      const registry = victim.refs.find((ref) => ref.source === 'police' && ref.externalId.startsWith('CD-'));
      const dateOfBirth = registry ? demo.people.get(refKey(registry))?.dateOfBirth : undefined;
      if (!dateOfBirth) throw new Error(`victim ${victim.person} has no registry birth date`);
      expect(ageOn(referenceDate, dateOfBirth)).toBe(victim.age);
      return victim.age;
    });
    expect(victimAges.filter((age) => age < 16).length).toBeGreaterThan(3);
  });

  it('sends victims across in small groups with an escort within the hour, and never brings them back', () => {
    const escortExits = new Set<string>();
    for (const member of [...membersWithRole('escort'), ...membersWithRole('recruiter')]) {
      for (const ref of member.refs) {
        for (const crossing of demo.crossingsByPerson.get(refKey(ref)) ?? []) {
          if (crossing.direction === 'EXIT') escortExits.add(`${crossing.checkpoint}|${hourOf(crossing.at)}`);
        }
      }
    }
    let exits = 0;
    for (const victim of membersWithRole('victim')) {
      const crossings = victim.refs.flatMap((ref) => demo.crossingsByPerson.get(refKey(ref)) ?? []);
      expect(crossings.filter((crossing) => crossing.direction === 'ENTRY')).toEqual([]);
      for (const crossing of crossings) {
        exits += 1;
        expect(['CN', 'LA', 'KH']).toContain(crossing.country);
        expect(escortExits.has(`${crossing.checkpoint}|${hourOf(crossing.at)}`)).toBe(true);
      }
    }
    expect(exits).toBeGreaterThan(20);
  });

  it('recruits labour-scam victims through an unlicensed or revoked broker', () => {
    const scams = demo.rings.filter((ring) => ring.broker !== undefined);
    expect(scams.length).toBeGreaterThan(0);
    for (const ring of scams) {
      const brokerRef = ring.broker;
      if (!brokerRef) continue;
      const broker = demo.brokers.get(refKey(brokerRef));
      expect(broker?.kind === 'UNLICENSED' || broker?.licenseStatus === 'REVOKED').toBe(true);
      const recruited = demo.links.filter(
        (link) =>
          link.type === 'RECRUITED_BY' &&
          link.source === brokerRef.source &&
          link.to.externalId === brokerRef.externalId,
      );
      expect(recruited.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives each ring burner phones shared by several members and calling each other', () => {
    const e164 = (number: string): string => `+84${number.replace(/\D/g, '').replace(/^(84|0)/, '')}`;
    for (const ring of demo.rings) {
      const refs = new Set(ring.members.flatMap((member) => member.refs.map(refKey)));
      const burners = new Set(ring.burnerPhones);
      const usersByBurner = new Map<string, Set<string>>();
      for (const link of demo.links) {
        if (link.type !== 'USES_PHONE' || !burners.has(e164(link.to.externalId))) continue;
        const user = `${link.from.source ?? link.source}|${link.from.externalId}`;
        if (!refs.has(user)) continue;
        usersByBurner.set(
          e164(link.to.externalId),
          (usersByBurner.get(e164(link.to.externalId)) ?? new Set()).add(user),
        );
      }
      expect(Math.max(...[...usersByBurner.values()].map((users) => users.size))).toBeGreaterThanOrEqual(2);
      const burnerCalls = demo.links.filter(
        (link) =>
          link.type === 'CALLED' && burners.has(e164(link.from.externalId)) && burners.has(e164(link.to.externalId)),
      );
      expect(burnerCalls.length).toBeGreaterThan(0);
    }
  });

  it('ties some rings to open cases with victims and suspects', () => {
    const withCases = demo.rings.filter((ring) => ring.cases.length > 0);
    expect(withCases.length).toBeGreaterThan(0);
    for (const ring of withCases) {
      for (const caseRef of ring.cases) {
        expect(['REPORTED', 'UNDER_INVESTIGATION']).toContain(demo.cases.get(refKey(caseRef))?.status);
        const roles = new Map<string, string>();
        for (const link of demo.links) {
          if (link.type === 'INVOLVED_IN' && link.to.externalId === caseRef.externalId && link.role) {
            roles.set(`${link.source}|${link.from.externalId}`, link.role);
          }
        }
        const roleOf = (role: RingRole): string[] =>
          ring.members.filter((m) => m.role === role).flatMap((m) => m.refs.map((ref) => roles.get(refKey(ref)) ?? ''));
        expect(roleOf('victim').some((role) => role === 'VICTIM' || role === 'SUSPECTED_VICTIM')).toBe(true);
        expect([...roleOf('organiser'), ...roleOf('recruiter'), ...roleOf('escort')]).toContain('SUSPECT');
      }
    }
  });

  it('lets some rings share a recruiter with an earlier ring', () => {
    const larger = indexScenario(cachedScenario({ preset: 'demo', people: 6_000, rings: 40, seed: 3 }));
    const sharing = larger.rings.filter((ring) => ring.sharesMembersWith.length > 0);
    expect(sharing.length).toBeGreaterThan(0);
    for (const ring of sharing) {
      const earlier = larger.rings.find((other) => other.id === ring.sharesMembersWith[0]);
      const earlierPeople = new Set(earlier?.members.map((member) => member.person));
      expect(ring.members.some((member) => member.role === 'recruiter' && earlierPeople.has(member.person))).toBe(true);
    }
  });
});

describe('ordinary life around the rings', () => {
  it('records the same people in several sources, sometimes with a shared document number', () => {
    expect(demo.identities.length).toBeGreaterThan(200);
    let sharedDocuments = 0;
    for (const identity of demo.identities) {
      const records = identity.refs.map((ref) => demo.people.get(refKey(ref)));
      for (const record of records) expect(record).toBeDefined();
      const documents = records.flatMap((record) => record?.documentNumbers ?? []);
      if (new Set(documents).size < documents.length) sharedDocuments += 1;
    }
    expect(sharedDocuments).toBeGreaterThan(50);
    expect(demo.identities.some((identity) => new Set(identity.refs.map((ref) => ref.source)).size >= 3)).toBe(true);
  });

  it('has a licensed agency recruiting many people legitimately', () => {
    const active = [...demo.brokers.entries()].filter(([, broker]) => broker.licenseStatus === 'ACTIVE');
    expect(active.length).toBe(2);
    const recruits = demo.links.filter(
      (link) => link.type === 'RECRUITED_BY' && active.some(([key]) => key === `${link.source}|${link.to.externalId}`),
    );
    expect(recruits.length).toBeGreaterThan(100);
  });

  it('has travellers who leave and come back: traders every week, tour groups with children', () => {
    let returning = 0;
    for (const crossings of demo.crossingsByPerson.values()) {
      const exits = crossings.filter((crossing) => crossing.direction === 'EXIT').length;
      const entries = crossings.filter((crossing) => crossing.direction === 'ENTRY').length;
      if (exits >= 4 && entries === exits) returning += 1;
    }
    expect(returning).toBeGreaterThan(5);
    const buses = new Map<string, string[]>();
    for (const [person, crossings] of demo.crossingsByPerson) {
      for (const crossing of crossings) {
        if (crossing.direction !== 'EXIT' || !crossing.vehiclePlate) continue;
        const bus = `${crossing.checkpoint}|${hourOf(crossing.at)}|${crossing.vehiclePlate}`;
        buses.set(bus, [...(buses.get(bus) ?? []), person]);
      }
    }
    const tourGroups = [...buses.values()].filter((travellers) => travellers.length >= 5);
    expect(tourGroups.length).toBeGreaterThan(0);
    const children = tourGroups.flat().filter((person) => {
      const dateOfBirth = demo.people.get(person)?.dateOfBirth;
      return dateOfBirth !== undefined && ageOn(referenceDate, dateOfBirth) < 16;
    });
    expect(children.length).toBeGreaterThan(0);
  });

  it('opens cases unrelated to trafficking with suspects, witnesses and reporters', () => {
    const ordinary = [...demo.cases.values()].filter((record) => !record.title.startsWith('Mua bán người'));
    expect(ordinary.length).toBe(12);
    const roles = new Set(demo.links.filter((link) => link.type === 'INVOLVED_IN').map((link) => link.role));
    for (const role of ['SUSPECT', 'WITNESS', 'REPORTER', 'VICTIM', 'SUSPECTED_VICTIM']) expect(roles).toContain(role);
  });
});
