import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RingTruthRecord, ScenarioTruthRecord, TruthRecord } from '../truth-types.ts';

export interface PlantedTruth {
  scenario: ScenarioTruthRecord | undefined;
  rings: RingTruthRecord[];
}

/** Streams a truth NDJSON file and keeps only the rings (identity lines are skipped: they can be millions). */
export async function readPlantedRings(path: string): Promise<PlantedTruth> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const truth: PlantedTruth = { scenario: undefined, rings: [] };
  for await (const line of lines) {
    if (line.startsWith('{"type":"identity"') || line.trim() === '') continue;
    const record = JSON.parse(line) as TruthRecord;
    if (record.type === 'ring') truth.rings.push(record);
    else if (record.type === 'scenario') truth.scenario = record;
  }
  return truth;
}
