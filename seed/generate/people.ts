import type { Sex } from '../ingest-types.ts';
import type { PersonName } from '../format/name-variants.ts';
import type { SourceRef } from '../truth-types.ts';
import type { Province } from '../vocab/border-provinces.ts';

/** A real person of the scenario: one human being, whatever records the agencies keep about them. */
export interface Person {
  key: number;
  name: PersonName;
  sex: Extract<Sex, 'MALE' | 'FEMALE'>;
  birthDay: number;
  age: number;
  province: Province;
  citizenId?: string;
  passport?: string;
  /** National form, e.g. "0912345678". */
  mobile?: string;
  /** Every record sent about this person, by any source. */
  refs: SourceRef[];
  policeId: string;
  telecomId?: string;
  borderGuardId?: string;
  labourId?: string;
  /** Planted ring members keep their refs fixed once the ring's truth is written. */
  inRing: boolean;
}

export interface Household {
  members: Person[];
  /** The shared home phone, national form. */
  homePhone: string;
  province: Province;
}

export function personKeyLabel(person: Person): string {
  return `P${String(person.key).padStart(7, '0')}`;
}
