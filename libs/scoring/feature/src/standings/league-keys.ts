import { createHash } from 'node:crypto';
import type { CricketRules, FootballRules, ScoringContext } from '@auction/contracts';
import { cricketRulesWith, footballRulesWith } from '@auction/scoring-domain';

/** The league's rules: its overrides on top of the sport's defaults. */
export function effectiveRules(context: ScoringContext): FootballRules | CricketRules {
  const overrides = context.scoringRules;
  return context.sport === 'football' ? footballRulesWith(overrides) : cricketRulesWith(overrides);
}

/** Names the rules asset points were scored with; a change means every match is scored again. */
export function rulesKeyOf(context: ScoringContext): string {
  const rules = effectiveRules(context) as unknown as Record<string, number>;
  const sorted = Object.keys(rules)
    .sort()
    .map((key) => `${key}=${rules[key]}`);
  return `${context.sport}:${sorted.join(',')}`;
}

/** Names the set of members (with their join times) standings were ranked over. */
export function membersKeyOf(context: ScoringContext): string {
  const members = context.members.map((member) => `${member.userId}@${new Date(member.joinedAt).toISOString()}`).sort();
  return createHash('sha256').update(members.join('\n')).digest('base64url');
}
