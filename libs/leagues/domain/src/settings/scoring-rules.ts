import { footballRules, formatNumber, listOf, SPORT_KEYS, type ScoringRules, type Sport } from '@auction/contracts';
import { SPORTS } from '../sports/sports.js';
import type { SettingsIssue } from './league-settings.js';

// Every rule of every sport shares the contract's points range; read it from there, not a copy.
const POINTS = footballRules.shape.win;
const MIN_POINTS = POINTS.minValue ?? Number.MIN_SAFE_INTEGER;
const MAX_POINTS = POINTS.maxValue ?? Number.MAX_SAFE_INTEGER;

const RULE_LABELS: Record<string, string> = {
  win: 'a win',
  draw: 'a draw',
  goal: 'each goal',
  run: 'each run',
  wicket: 'each wicket',
  catch: 'each catch',
  stumping: 'each stumping',
  runOut: 'each run-out',
};

function ruleKeys(sport: Sport): string[] {
  return Object.keys(sport.defaults.scoringRules);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key) => b.includes(key));
}

function otherSportWithKeys(keys: string[], sport: Sport): Sport | undefined {
  return SPORT_KEYS.map((key) => SPORTS[key]).find((other) => other.key !== sport.key && sameKeys(ruleKeys(other), keys));
}

function pointsIssue(key: string, value: unknown): SettingsIssue | undefined {
  const path = `scoringRules.${key}`;
  const label = RULE_LABELS[key] ?? key;
  if (value === undefined) return { path, message: `Give the points for ${label}.` };
  if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_POINTS && value <= MAX_POINTS) {
    return undefined;
  }
  return {
    path,
    message: `Points for ${label} must be a whole number from ${formatNumber(MIN_POINTS)} to ${formatNumber(MAX_POINTS)} — you entered ${String(value)}.`,
  };
}

/** The rules must have exactly the sport's keys (football: win/draw/goal; cricket: run/wicket/…), each with sane points. */
export function checkScoringRules(rules: ScoringRules, sport: Sport): SettingsIssue[] {
  const given = rules as unknown as Record<string, unknown>;
  const givenKeys = Object.keys(given);
  const expected = ruleKeys(sport);
  const other = otherSportWithKeys(givenKeys, sport);
  if (other) {
    return [
      {
        path: 'scoringRules',
        message: `These are ${other.name.toLowerCase()} scoring rules; a ${sport.name.toLowerCase()} league scores ${listOf(expected)}.`,
      },
    ];
  }
  const unknownKeys = givenKeys
    .filter((key) => !expected.includes(key))
    .map((key) => ({
      path: `scoringRules.${key}`,
      message: `${sport.name} has no scoring rule "${key}"; its rules are ${listOf(expected)}.`,
    }));
  const badPoints = expected.map((key) => pointsIssue(key, given[key])).filter((issue) => issue !== undefined);
  return [...unknownKeys, ...badPoints];
}
