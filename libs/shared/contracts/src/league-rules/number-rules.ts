import { LEAGUE_LIMITS, type LeagueSettings } from '../leagues.js';
import { assetsWord, countOf, formatNumber, type WordsOf } from './wording.js';

/**
 * The number settings of a league and the rules between them: one source for the leagues
 * service (which refuses a league that breaks them) and the web form (which says so as you type).
 */
export const NUMBER_FIELDS = [
  'budget',
  'rosterSize',
  'minManagers',
  'maxManagers',
  'openingBid',
  'minIncrement',
  'bidTimerSeconds',
  'antiSnipeSeconds',
  'lotGapSeconds',
  'leadInSeconds',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export type NumberSettings = Pick<LeagueSettings, NumberField>;

/** One broken rule, worded for the commissioner; `path` names the field (`scoringRules.win`, `assetIds.3`). */
export interface SettingsIssue {
  path: string;
  message: string;
}

export const NUMBER_RANGES: Record<NumberField, { min: number; max: number }> = {
  budget: LEAGUE_LIMITS.budget,
  rosterSize: LEAGUE_LIMITS.rosterSize,
  minManagers: LEAGUE_LIMITS.managers,
  maxManagers: LEAGUE_LIMITS.managers,
  openingBid: { min: 1, max: LEAGUE_LIMITS.budget.max },
  minIncrement: { min: 1, max: LEAGUE_LIMITS.budget.max },
  bidTimerSeconds: LEAGUE_LIMITS.bidTimerSeconds,
  antiSnipeSeconds: LEAGUE_LIMITS.antiSnipeSeconds,
  lotGapSeconds: LEAGUE_LIMITS.lotGapSeconds,
  leadInSeconds: LEAGUE_LIMITS.leadInSeconds,
};

interface Range {
  field: NumberField;
  label: string;
  min: number;
  max: number;
  unit: string;
}

function rangesFor(sport: WordsOf): Range[] {
  const seconds = ' seconds';
  const range = (field: NumberField, label: string, unit = '') => ({ field, label, ...NUMBER_RANGES[field], unit });
  return [
    range('budget', 'The budget per manager'),
    range('rosterSize', 'The roster size', ` ${assetsWord(sport)}`),
    range('minManagers', 'The minimum number of managers'),
    range('maxManagers', 'The maximum number of managers'),
    range('openingBid', 'The minimum opening bid'),
    range('minIncrement', 'The minimum bid increment'),
    range('bidTimerSeconds', 'The bid timer', seconds),
    range('antiSnipeSeconds', 'The anti-snipe time', seconds),
    range('lotGapSeconds', 'The pause between lots', seconds),
    range('leadInSeconds', 'The lead-in before the first lot', seconds),
  ];
}

function isWithin(value: number, range: Range): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

function rangeIssue(value: number, range: Range): SettingsIssue {
  const bounds = `from ${formatNumber(range.min)} to ${formatNumber(range.max)}${range.unit}`;
  // A form may hold text that is no number at all: then there is nothing to quote back.
  const entered = Number.isFinite(value) ? ` — you entered ${formatNumber(value)}` : '';
  return { path: range.field, message: `${range.label} must be a whole number ${bounds}${entered}.` };
}

interface CrossFieldRule {
  fields: NumberField[];
  check(settings: NumberSettings, sport: WordsOf): SettingsIssue | undefined;
}

const CROSS_FIELD_RULES: CrossFieldRule[] = [
  {
    fields: ['antiSnipeSeconds', 'bidTimerSeconds'],
    check: ({ antiSnipeSeconds, bidTimerSeconds }) =>
      antiSnipeSeconds > bidTimerSeconds
        ? {
            path: 'antiSnipeSeconds',
            message: `The anti-snipe time (${antiSnipeSeconds} seconds) can't be longer than the bid timer (${bidTimerSeconds} seconds).`,
          }
        : undefined,
  },
  {
    fields: ['minManagers', 'maxManagers'],
    check: ({ minManagers, maxManagers }) =>
      minManagers > maxManagers
        ? {
            path: 'minManagers',
            message: `The minimum number of managers (${formatNumber(minManagers)}) can't be more than the maximum (${formatNumber(maxManagers)}).`,
          }
        : undefined,
  },
  {
    fields: ['budget', 'rosterSize', 'openingBid'],
    check: ({ budget, rosterSize, openingBid }, sport) => {
      const fullRosterCost = rosterSize * openingBid;
      if (fullRosterCost <= budget) return undefined;
      return {
        path: 'budget',
        message:
          `A full roster of ${countOf(rosterSize, sport)} at the minimum opening bid of ${formatNumber(openingBid)} ` +
          `costs ${formatNumber(fullRosterCost)}, more than the budget of ${formatNumber(budget)}. ` +
          'Raise the budget, or lower the opening bid or the roster size.',
      };
    },
  },
];

/** Each number within its limits, then the rules between numbers whose own values are sane. */
export function checkNumbers(settings: NumberSettings, sport: WordsOf): SettingsIssue[] {
  const outOfRange = rangesFor(sport).filter((range) => !isWithin(settings[range.field], range));
  const invalid = new Set(outOfRange.map((range) => range.field));
  const crossFieldIssues = CROSS_FIELD_RULES.filter((rule) => rule.fields.every((field) => !invalid.has(field)))
    .map((rule) => rule.check(settings, sport))
    .filter((issue) => issue !== undefined);
  return [...outOfRange.map((range) => rangeIssue(settings[range.field], range)), ...crossFieldIssues];
}
