import type { RingRole, RingTruthRecord, SourceRef } from '../../truth-types.ts';
import type { Checkpoint, NeighbourCountry } from '../../vocab/checkpoints.ts';
import type { Province } from '../../vocab/border-provinces.ts';
import type { Household, Person } from '../people.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import type { RingShapeSpec } from './ring-shapes.ts';

export interface RingMember {
  person: Person;
  role: RingRole;
  /** The member's own household (absent for a recruiter shared with an earlier ring). */
  household: Household | undefined;
}

/** A ring while it is being planted; it becomes a RingTruthRecord at the end. */
export interface RingDraft {
  id: string;
  spec: RingShapeSpec;
  destination: NeighbourCountry;
  checkpoints: Checkpoint[];
  homeProvince: Province;
  organisers: RingMember[];
  recruiters: RingMember[];
  escorts: RingMember[];
  victims: RingMember[];
  /** National numbers of the ring's burner phones, in the order they were brought into use. */
  burners: string[];
  broker: RingTruthRecord['broker'];
  /** Victims who left, and the day they crossed. */
  exits: { victim: RingMember; day: number }[];
  cases: RingTruthRecord['cases'];
  sharesMembersWith: string[];
  /** Telecom records of made-up people the burner SIMs are registered to (field noise). */
  strawSubscribers: SourceRef[];
}

export function operatives(ring: RingDraft): RingMember[] {
  return [...ring.organisers, ...ring.recruiters, ...ring.escorts];
}

/** Where a ring works: what a planter decides before it recruits anyone. */
export type RingPlace = Pick<RingDraft, 'spec' | 'destination' | 'checkpoints' | 'homeProvince'>;

/** The next ring of the scenario (numbered in the order rings are planted), with no one in it yet. */
export function newRingDraft(ctx: ScenarioContext, place: RingPlace): RingDraft {
  ctx.ringsPlanted += 1;
  return {
    id: `R${String(ctx.ringsPlanted).padStart(5, '0')}`,
    ...place,
    organisers: [],
    recruiters: [],
    escorts: [],
    victims: [],
    burners: [],
    broker: undefined,
    exits: [],
    cases: [],
    sharesMembersWith: [],
    strawSubscribers: [],
  };
}
