import { describeComposition, joinAnd } from './describe-figures.ts';
import type { CommunityProfile } from './profile-community.ts';
import type { MemberRole, RiskFactor } from './types.ts';

const roleOrder: MemberRole[] = ['organiser', 'recruiter', 'escort', 'victim', 'associate'];
const roleNames: Record<string, [string, string]> = {
  organiser: ['organiser', 'organisers'],
  recruiter: ['recruiter', 'recruiters'],
  escort: ['escort', 'escorts'],
  victim: ['victim', 'victims'],
  associate: ['associate', 'associates'],
};

/** Scores below this read as "no strong indicators" in the summary. */
export const lowScoreThreshold = 25;

/** One paragraph for the analyst: what the ring is, how it scores, the strongest reasons, who does what. */
export function writeRingSummary(
  profile: CommunityProfile,
  score: number,
  factors: readonly RiskFactor[],
  roles: readonly MemberRole[],
): string {
  const composition = describeComposition(profile);
  const reasons = factors
    .filter((factor) => factor.code !== 'CAP')
    .slice(0, 3)
    .map((factor) => lowerFirst(factor.description));
  const roleCounts = roleOrder
    .map((role) => [role, roles.filter((r) => r === role).length] as const)
    .filter(([, count]) => count > 0)
    .map(([role, count]) => {
      const [one, many] = roleNames[role] ?? [role, `${role}s`];
      return `${count} ${count === 1 ? one : many}`;
    });

  const opening = `A community of ${composition} scoring ${score.toFixed(1)} out of 100.`;
  const why =
    score < lowScoreThreshold
      ? `No strong trafficking indicators${reasons.length > 0 ? `; it rests on: ${reasons.join('; ')}` : ''}.`
      : `Main reasons: ${reasons.join('; ')}.`;
  const who = roleCounts.length > 0 ? ` Suggested roles: ${joinAnd(roleCounts)}.` : '';
  return `${opening} ${why}${who}`;
}

function lowerFirst(text: string): string {
  // Keep phone numbers, names and figures as they are; only a leading capital word is lowered.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
