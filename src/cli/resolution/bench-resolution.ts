// npm run resolution:bench -- [--preset bench|test|demo] [--seed N] [--max-block 50]
// Candidate generation and scoring without Neo4j: the scenario's person records are collected
// from the generator as the service would store them (one entity per record, phones from their
// USES_PHONE links, normalised), then blocked and scored in process. Measures the in-memory part
// of npm run resolve; reading the people out of Neo4j is measured by npm run resolution:evaluate.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { generateScenario, type ScenarioPresetName } from '../../../seed/index.ts';
import { normalizePhone } from '../../entities/normalize-phone.ts';
import { findDuplicates, type ResolutionPerson } from '../../resolution/core/index.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'bench' },
    seed: { type: 'string', default: '1' },
    'max-block': { type: 'string', default: '50' },
  },
});

const started = performance.now();
const people = new Map<string, ResolutionPerson & { phones: string[] }>();
for (const batch of generateScenario({ preset: values.preset as ScenarioPresetName, seed: Number(values.seed) })) {
  for (const p of batch.people ?? []) {
    people.set(`${batch.source}|${p.externalId}`, {
      id: `${batch.source}|${p.externalId}`,
      fullName: p.fullName.normalize('NFC'),
      dateOfBirth: p.dateOfBirth ?? null,
      sex: p.sex ?? null,
      documentNumbers: p.documentNumbers ?? [],
      province: p.province ?? null,
      phones: [],
    });
  }
  for (const link of batch.links ?? []) {
    if (link.type !== 'USES_PHONE' || link.from.kind !== 'PERSON') continue;
    const person = people.get(`${link.from.source ?? batch.source}|${link.from.externalId}`);
    const e164 = normalizePhone(link.to.externalId);
    if (person && e164 && !person.phones.includes(e164)) person.phones.push(e164);
  }
}
const list = [...people.values()];
people.clear();
const generated = performance.now();
const cpuBefore = process.cpuUsage();
const search = findDuplicates(list, { maxBlockSize: Number(values['max-block']), minScore: 0.7 });
const cpu = process.cpuUsage(cpuBefore);
const done = performance.now();
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
process.stdout.write(
  [
    `preset ${values.preset} seed ${values.seed}: ${list.length} person records`,
    `generation ${((generated - started) / 1000).toFixed(1)} s (not counted)`,
    `blocking and scoring ${((done - generated) / 1000).toFixed(1)} s wall, ` +
      `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (load average ${loadavg()[0]!.toFixed(1)} on this machine): ` +
      `${search.stats.scored} pairs scored, ` +
      `${search.pairs.length} candidates (score >= 0.7 or auto-mergeable)`,
    `blocks: ${Object.entries(search.stats.blocks)
      .map(([kind, b]) => `${kind} ${b.blocks} (${b.skipped} skipped)`)
      .join(', ')}`,
    `peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`,
  ].join('\n') + '\n',
);
