/**
 * Why a ring is confirmed or dismissed: a short fixed list, so that verdicts can be counted and
 * compared across analysts and agencies (free text alone cannot), with a note for the rest.
 * test/unit/entities/vocabulary.test.ts holds RING_TRIAGE_REASONS to the schema's enum.
 */
export const CONFIRM_REASONS = ['CORROBORATED_BY_CASE', 'CORROBORATED_BY_INTELLIGENCE', 'VICTIM_IDENTIFIED'] as const;

export const DISMISS_REASONS = [
  'LEGITIMATE_ACTIVITY',
  'FAMILY_OR_COMMUNITY',
  'DATA_ERROR',
  'DUPLICATE_OF_ANOTHER_RING',
  'INSUFFICIENT_EVIDENCE',
] as const;

export const RING_TRIAGE_REASONS = [...CONFIRM_REASONS, ...DISMISS_REASONS] as const;
export type RingTriageReason = (typeof RING_TRIAGE_REASONS)[number];

/** The triage history's actions. */
export const TRIAGE_ACTIONS = ['ASSIGNED', 'CONFIRMED', 'DISMISSED', 'REOPENED'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

/** Notes and verdict notes are free text for people; longer texts belong in the case file. */
export const MAX_NOTE_LENGTH = 4_000;
export const MAX_ASSIGNEE_LENGTH = 200;
