import { foldName } from '../text/fold-name.ts';
import { entityId } from '../entities/entity-keys.ts';

/**
 * Vietnam's main land-border checkpoints with China, Laos and Cambodia. Crossing records
 * name them by name or code in many spellings ("Móng Cái", "Mong Cai", "MC"); all of
 * those become one Checkpoint. A name not listed here becomes a checkpoint of its own.
 */
const KNOWN_CHECKPOINTS: readonly { code: string; name: string; country: string; aliases?: string[] }[] = [
  { code: 'MC', name: 'Mong Cai', country: 'CN', aliases: ['Bac Luan'] },
  { code: 'HN', name: 'Huu Nghi', country: 'CN', aliases: ['Friendship Pass'] },
  { code: 'LC', name: 'Lao Cai', country: 'CN' },
  { code: 'TT', name: 'Thanh Thuy', country: 'CN' },
  { code: 'TL', name: 'Ta Lung', country: 'CN' },
  { code: 'CT', name: 'Cau Treo', country: 'LA' },
  { code: 'NM', name: 'Na Meo', country: 'LA' },
  { code: 'LB', name: 'Lao Bao', country: 'LA' },
  { code: 'TTR', name: 'Tay Trang', country: 'LA' },
  { code: 'NP', name: 'Nam Can', country: 'LA' },
  { code: 'MB', name: 'Moc Bai', country: 'KH' },
  { code: 'TB', name: 'Tinh Bien', country: 'KH' },
  { code: 'XM', name: 'Xa Mat', country: 'KH' },
  { code: 'VX', name: 'Vinh Xuong', country: 'KH' },
];

const byFoldedName = new Map<string, (typeof KNOWN_CHECKPOINTS)[number]>();
for (const checkpoint of KNOWN_CHECKPOINTS) {
  for (const name of [checkpoint.name, checkpoint.code, ...(checkpoint.aliases ?? [])]) {
    byFoldedName.set(foldName(name), checkpoint);
  }
}

export interface CheckpointRow {
  id: string;
  name: string;
  code: string | null;
  country: string;
}

export function checkpointFor(written: string, otherSide: string): CheckpointRow {
  const folded = foldName(written);
  const known = byFoldedName.get(folded);
  if (known) {
    return { id: entityId('CHECKPOINT', known.code), name: known.name, code: known.code, country: known.country };
  }
  return { id: entityId('CHECKPOINT', `name:${folded}`), name: written.trim(), code: null, country: otherSide };
}
