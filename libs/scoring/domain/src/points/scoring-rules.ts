import type { CricketRules, FootballRules } from '@auction/contracts';

export const DEFAULT_FOOTBALL_RULES: Readonly<FootballRules> = { win: 3, draw: 1, goal: 1 };
export const DEFAULT_CRICKET_RULES: Readonly<CricketRules> = { run: 1, wicket: 20, catch: 10, stumping: 25, runOut: 20 };

export type RuleOverrides = Partial<FootballRules> | Partial<CricketRules>;

/** League overrides on top of the defaults; keys of the other sport are ignored. */
export function footballRulesWith(overrides?: RuleOverrides): FootballRules {
  return withOverrides(DEFAULT_FOOTBALL_RULES, overrides);
}

export function cricketRulesWith(overrides?: RuleOverrides): CricketRules {
  return withOverrides(DEFAULT_CRICKET_RULES, overrides);
}

function withOverrides<R extends object>(defaults: Readonly<R>, overrides: RuleOverrides | undefined): R {
  const given: Record<string, unknown> = { ...overrides };
  const entries = Object.entries(defaults).map(([key, fallback]) => {
    const value = given[key];
    return [key, typeof value === 'number' && Number.isFinite(value) ? value : fallback];
  });
  return Object.fromEntries(entries) as R;
}
