import { foldName } from '../text/fold-name.ts';
import { entityId } from '../entities/entity-keys.ts';

/** A known checkpoint: its code, name, the country on the other side and where its gate is (WGS 84). */
export interface KnownCheckpoint {
  code: string;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  aliases?: string[];
}

/**
 * Vietnam's main land-border checkpoints with China, Laos and Cambodia. Crossing records
 * name them by name or code in many spellings ("Móng Cái", "Mong Cai", "MC"); all of
 * those become one Checkpoint. A name not listed here becomes a checkpoint of its own
 * (with no place on the map). The coordinates are public (the border gates' positions,
 * to within about a kilometre); the workspace's map draws the checkpoints there.
 */
const KNOWN_CHECKPOINTS: readonly KnownCheckpoint[] = [
  { code: 'MC', name: 'Mong Cai', country: 'CN', latitude: 21.5408, longitude: 107.967, aliases: ['Bac Luan'] },
  { code: 'HN', name: 'Huu Nghi', country: 'CN', latitude: 21.9694, longitude: 106.7077, aliases: ['Friendship Pass'] },
  { code: 'LC', name: 'Lao Cai', country: 'CN', latitude: 22.5056, longitude: 103.9667 },
  { code: 'TT', name: 'Thanh Thuy', country: 'CN', latitude: 22.8636, longitude: 104.8481 },
  { code: 'TL', name: 'Ta Lung', country: 'CN', latitude: 22.4857, longitude: 106.5564 },
  { code: 'CT', name: 'Cau Treo', country: 'LA', latitude: 18.3917, longitude: 105.1611 },
  { code: 'NM', name: 'Na Meo', country: 'LA', latitude: 20.3567, longitude: 104.4528 },
  { code: 'LB', name: 'Lao Bao', country: 'LA', latitude: 16.6225, longitude: 106.5839 },
  { code: 'TTR', name: 'Tay Trang', country: 'LA', latitude: 21.1983, longitude: 102.9017 },
  { code: 'NP', name: 'Nam Can', country: 'LA', latitude: 19.4331, longitude: 104.0717 },
  { code: 'MB', name: 'Moc Bai', country: 'KH', latitude: 11.0612, longitude: 106.1578 },
  { code: 'TB', name: 'Tinh Bien', country: 'KH', latitude: 10.5913, longitude: 104.9475 },
  { code: 'XM', name: 'Xa Mat', country: 'KH', latitude: 11.734, longitude: 106.1831 },
  { code: 'VX', name: 'Vinh Xuong', country: 'KH', latitude: 10.9203, longitude: 105.1672 },
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

/** A known checkpoint with the entity id its crossings point at. */
export interface CheckpointPlace extends KnownCheckpoint {
  id: string;
}

const PLACES: readonly CheckpointPlace[] = KNOWN_CHECKPOINTS.map((c) => ({ ...c, id: entityId('CHECKPOINT', c.code) }));
const placeById = new Map(PLACES.map((place) => [place.id, place]));

/** Every known checkpoint, with its place: a fixed public table, the same on every instance. */
export function checkpointPlaces(): readonly CheckpointPlace[] {
  return PLACES;
}

/** The place of a checkpoint entity, when it is one of the known checkpoints. */
export function checkpointPlace(id: string): CheckpointPlace | undefined {
  return placeById.get(id);
}
