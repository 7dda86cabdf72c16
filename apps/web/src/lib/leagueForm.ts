import {
  checkNumbers,
  createLeagueRequest,
  NUMBER_FIELDS,
  NUMBER_RANGES,
  type CreateLeagueRequest,
  type NumberField,
  type NumberSettings,
  type Sport,
  type SportWords,
} from '@auction/contracts';

export { NUMBER_FIELDS, NUMBER_RANGES as RANGES, type NumberField };

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

const toInt = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The typed numbers, checked by the rules the leagues service applies, in its words. */
export function checkNumberFields(
  texts: Record<NumberField, string>,
  words: SportWords,
): { numbers: NumberSettings; errors: Partial<Record<NumberField, string>> } {
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, toInt(texts[field])])) as NumberSettings;
  const errors: Partial<Record<NumberField, string>> = {};
  for (const issue of checkNumbers(numbers, { words })) errors[issue.path as NumberField] ??= issue.message;
  return { numbers, errors };
}

/** Build the create body and check it against the contract's schema and the league rules the service applies. */
export function validateLeagueForm(
  form: LeagueForm,
  words: SportWords,
): { body: CreateLeagueRequest; errors: null } | { body: null; errors: FormErrors } {
  const { numbers, errors: numberErrors } = checkNumberFields(form.numbers, words);
  const errors: FormErrors = { ...numberErrors };
  if (!form.name.trim()) errors.name = 'Give the league a name.';
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
