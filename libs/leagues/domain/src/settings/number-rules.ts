import { FORMAT_LIMITS, LEAGUE_LIMITS, type Sport } from '@auction/contracts';
import type { LeagueSettings, SettingsIssue } from './league-settings.js';
import { assetsWord, countOf, formatNumber } from './wording.js';

type NumberField =
  | 'budget'
  | 'rosterSize'
  | 'minManagers'
  | 'maxManagers'
  | 'openingBid'
  | 'minIncrement'
  | 'bidTimerSeconds'
  | 'antiSnipeSeconds'
  | 'lotGapSeconds'
  | 'leadInSeconds'
  | 'nominationSeconds'
  | 'raiseSeconds';

export type NumberSettings = Pick<LeagueSettings, NumberField>;

interface Range {
  field: NumberField;
  label: string;
  min: number;
  max: number;
  unit: string;
}

function rangesFor(sport: Sport): Range[] {
  const seconds = ' seconds';
  return [
    { field: 'budget', label: 'The budget per manager', ...LEAGUE_LIMITS.budget, unit: '' },
    { field: 'rosterSize', label: 'The roster size', ...LEAGUE_LIMITS.rosterSize, unit: ` ${assetsWord(sport)}` },
    { field: 'minManagers', label: 'The minimum number of managers', ...LEAGUE_LIMITS.managers, unit: '' },
    { field: 'maxManagers', label: 'The maximum number of managers', ...LEAGUE_LIMITS.managers, unit: '' },
    { field: 'openingBid', label: 'The minimum opening bid', min: 1, max: LEAGUE_LIMITS.budget.max, unit: '' },
    { field: 'minIncrement', label: 'The minimum bid increment', min: 1, max: LEAGUE_LIMITS.budget.max, unit: '' },
    { field: 'bidTimerSeconds', label: 'The bid timer', ...LEAGUE_LIMITS.bidTimerSeconds, unit: seconds },
    { field: 'antiSnipeSeconds', label: 'The anti-snipe time', ...LEAGUE_LIMITS.antiSnipeSeconds, unit: seconds },
    { field: 'lotGapSeconds', label: 'The pause between lots', ...LEAGUE_LIMITS.lotGapSeconds, unit: seconds },
    { field: 'leadInSeconds', label: 'The lead-in before the first lot', ...LEAGUE_LIMITS.leadInSeconds, unit: seconds },
    { field: 'nominationSeconds', label: 'The time to nominate', ...FORMAT_LIMITS.nominationSeconds, unit: seconds },
    { field: 'raiseSeconds', label: 'The raise window', ...FORMAT_LIMITS.raiseSeconds, unit: seconds },
  ];
}

function isWithin(value: number, range: Range): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

function rangeIssue(value: number, range: Range): SettingsIssue {
  const bounds = `from ${formatNumber(range.min)} to ${formatNumber(range.max)}${range.unit}`;
  return {
    path: range.field,
    message: `${range.label} must be a whole number ${bounds} — you entered ${formatNumber(value)}.`,
  };
}

interface CrossFieldRule {
  fields: NumberField[];
  check(settings: NumberSettings, sport: Sport): SettingsIssue | undefined;
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
    fields: ['raiseSeconds', 'bidTimerSeconds'],
    check: ({ raiseSeconds, bidTimerSeconds }) =>
      raiseSeconds > bidTimerSeconds
        ? {
            path: 'raiseSeconds',
            message: `The raise window (${raiseSeconds} seconds) can't be longer than the bid timer (${bidTimerSeconds} seconds).`,
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
export function checkNumbers(settings: NumberSettings, sport: Sport): SettingsIssue[] {
  const outOfRange = rangesFor(sport).filter((range) => !isWithin(settings[range.field], range));
  const invalid = new Set(outOfRange.map((range) => range.field));
  const crossFieldIssues = CROSS_FIELD_RULES.filter((rule) => rule.fields.every((field) => !invalid.has(field)))
    .map((rule) => rule.check(settings, sport))
    .filter((issue) => issue !== undefined);
  return [...outOfRange.map((range) => rangeIssue(settings[range.field], range)), ...crossFieldIssues];
}
