import { createLeagueRequest, LEAGUE_LIMITS, type CreateLeagueRequest, type Sport } from '@auction/contracts';

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

export interface LeagueForm {
  name: string;
  sport: string;
  competition: string;
  assetMode: 'all' | 'chosen';
  assetIds: string[];
  nominationOrder: 'random' | 'fixed';
  numbers: Record<NumberField, string>;
  scoring: Record<string, string>;
}

export type FormErrors = Partial<Record<NumberField | 'name' | 'sport' | 'assets' | 'scoring' | 'form', string>>;

export function formFromSport(sport: Sport, previous?: Pick<LeagueForm, 'name'>): LeagueForm {
  const d = sport.defaults;
  return {
    name: previous?.name ?? '',
    sport: sport.key,
    competition: sport.competitions[0]?.key ?? '',
    assetMode: 'all',
    assetIds: [],
    nominationOrder: d.nominationOrder,
    numbers: {
      budget: String(d.budget),
      rosterSize: String(d.rosterSize),
      minManagers: String(d.minManagers),
      maxManagers: String(d.maxManagers),
      openingBid: String(d.openingBid),
      minIncrement: String(d.minIncrement),
      bidTimerSeconds: String(d.bidTimerSeconds),
      antiSnipeSeconds: String(d.antiSnipeSeconds),
      lotGapSeconds: String(d.lotGapSeconds),
      leadInSeconds: String(d.leadInSeconds),
    },
    scoring: Object.fromEntries(Object.entries(d.scoringRules).map(([k, v]) => [k, String(v)])),
  };
}

export const RANGES: Record<NumberField, { min: number; max: number }> = {
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

const toInt = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** Build the create body and check it against the contract's schema and the cross-field rules. */
export function validateLeagueForm(
  form: LeagueForm,
  words: { assets: string },
): { body: CreateLeagueRequest; errors: null } | { body: null; errors: FormErrors } {
  const errors: FormErrors = {};
  const numbers = {} as Record<NumberField, number>;
  for (const field of NUMBER_FIELDS) {
    const value = toInt(form.numbers[field]);
    const { min, max } = RANGES[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      errors[field] = `Enter a whole number from ${min} to ${max}.`;
    }
    numbers[field] = value;
  }
  if (!form.name.trim()) errors.name = 'Give the league a name.';
  if (!errors.antiSnipeSeconds && !errors.bidTimerSeconds && numbers.antiSnipeSeconds > numbers.bidTimerSeconds) {
    errors.antiSnipeSeconds = 'The anti-snipe time can’t be longer than the bid timer.';
  }
  if (!errors.minManagers && !errors.maxManagers && numbers.minManagers > numbers.maxManagers) {
    errors.maxManagers = 'The most managers must be at least the fewest.';
  }
  if (!errors.openingBid && !errors.budget && numbers.openingBid > numbers.budget) {
    errors.openingBid = 'The opening bid can’t be more than the budget.';
  }
  if (!errors.openingBid && !errors.budget && !errors.rosterSize && numbers.openingBid * numbers.rosterSize > numbers.budget) {
    errors.budget = 'The budget must cover a full squad at the opening bid.';
  }
  if (form.assetMode === 'chosen' && form.assetIds.length === 0) {
    errors.assets = `Choose at least one of the ${words.assets.toLowerCase()}.`;
  }
  if (form.nominationOrder === 'fixed' && form.assetMode !== 'chosen') {
    errors.assets = `A fixed order needs a chosen list of ${words.assets.toLowerCase()} — choose them in the order they should come up.`;
  }
  const scoringRules: Record<string, number> = {};
  for (const [key, text] of Object.entries(form.scoring)) {
    const value = toInt(text);
    if (!Number.isInteger(value) || value < -100 || value > 1000) errors.scoring = 'Points must be whole numbers from -100 to 1000.';
    scoringRules[key] = value;
  }

  const candidate = {
    name: form.name.trim(),
    sport: form.sport,
    ...(form.competition ? { competition: form.competition } : {}),
    ...(form.assetMode === 'chosen' && form.assetIds.length > 0 ? { assetIds: form.assetIds } : {}),
    ...numbers,
    nominationOrder: form.nominationOrder,
    scoringRules,
  };
  if (Object.keys(errors).length > 0) return { body: null, errors };
  const parsed = createLeagueRequest.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form');
      if (key === 'name') errors.name = 'Use a name of 1 to 80 characters.';
      else if (key === 'sport') errors.sport = 'Pick a sport.';
      else if (key === 'assetIds') errors.assets = `Choose up to 1000 ${words.assets.toLowerCase()}.`;
      else if (key === 'scoringRules') errors.scoring = 'Points must be whole numbers from -100 to 1000.';
      else if ((NUMBER_FIELDS as readonly string[]).includes(key)) errors[key as NumberField] = 'Check this number.';
      else errors.form = 'Some details aren’t quite right — check the form.';
    }
    return { body: null, errors };
  }
  return { body: parsed.data, errors: null };
}
