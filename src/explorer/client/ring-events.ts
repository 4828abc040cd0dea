/**
 * What the ring queue and the open ring tell each other, as DOM events on the document: a ring
 * to open, and a ring whose triage changed (the queue reloads).
 */
const OPEN = 'ringwatch:open-ring';
const CHANGED = 'ringwatch:ring-changed';

export function openRing(id: string): void {
  document.dispatchEvent(new CustomEvent<string>(OPEN, { detail: id }));
}

export function onOpenRing(listener: (id: string) => void): void {
  document.addEventListener(OPEN, (event) => listener((event as CustomEvent<string>).detail));
}

export function ringChanged(id: string): void {
  document.dispatchEvent(new CustomEvent<string>(CHANGED, { detail: id }));
}

export function onRingChanged(listener: (id: string) => void): void {
  document.addEventListener(CHANGED, (event) => listener((event as CustomEvent<string>).detail));
}

/** The reasons' names as the workspace shows them; the codes are the schema's RingTriageReason. */
export const REASON_NAMES: Record<string, string> = {
  CORROBORATED_BY_CASE: 'Corroborated by a case',
  CORROBORATED_BY_INTELLIGENCE: 'Corroborated by intelligence',
  VICTIM_IDENTIFIED: 'A victim identified',
  LEGITIMATE_ACTIVITY: 'Legitimate activity (licensed work, trade, tourism)',
  FAMILY_OR_COMMUNITY: 'Family or community ties',
  DATA_ERROR: 'Data error',
  DUPLICATE_OF_ANOTHER_RING: 'Duplicate of another ring',
  INSUFFICIENT_EVIDENCE: 'Insufficient evidence',
};

export function shortRingId(id: string): string {
  return id.length > 14 ? `${id.slice(0, 12)}…` : id;
}
