/**
 * Identity documents as agencies write them: `CCCD:012345678901` (citizen id), `PP:C1234567`
 * (passport). The kind is the part before the colon; a number without one is of kind OTHER.
 */
export interface IdentityDocument {
  kind: string;
  number: string;
  /** kind and number, normalised: what equality and blocking compare. */
  key: string;
}

export const DOCUMENT_KIND_NAMES: Readonly<Record<string, string>> = {
  CCCD: 'citizen id (CCCD)',
  CMND: 'identity card (CMND)',
  PP: 'passport',
  OTHER: 'document',
};

export function parseDocument(raw: string): IdentityDocument | null {
  const text = raw.trim().toUpperCase();
  if (!text) return null;
  const colon = text.indexOf(':');
  const kind = colon > 0 ? text.slice(0, colon).replace(/[^A-Z0-9]/g, '') || 'OTHER' : 'OTHER';
  const number = (colon > 0 ? text.slice(colon + 1) : text).replace(/[\s.\-/]/g, '');
  if (!number) return null;
  return { kind, number, key: `${kind}:${number}` };
}

/** Documents whose numbers are unique to one person for life, so two different numbers mean two people. */
export const LIFELONG_DOCUMENT_KINDS: ReadonlySet<string> = new Set(['CCCD']);
