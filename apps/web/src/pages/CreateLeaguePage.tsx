import type { Asset, Sport, SportKey } from '@auction/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { leaguesApi } from '../api/endpoints';
import { describeError } from '../api/errors';
import { AssetPicker } from '../components/AssetPicker';
import { ErrorNotice, Loading } from '../components/Status';
import { formFromSport, RANGES, validateLeagueForm, type FormErrors, type LeagueForm, type NumberField } from '../lib/leagueForm';
import { useSports, wordsFor } from '../lib/sports';

const SCORING_LABELS: Record<string, string> = {
  win: 'Win',
  draw: 'Draw',
  goal: 'Each goal scored',
  run: 'Each run',
  wicket: 'Wicket',
  catch: 'Catch',
  stumping: 'Stumping',
  runOut: 'Run-out',
};

function NumberInput({
  field,
  label,
  hint,
  form,
  errors,
  onChange,
}: {
  field: NumberField;
  label: string;
  hint?: string;
  form: LeagueForm;
  errors: FormErrors;
  onChange: (field: NumberField, value: string) => void;
}) {
  const id = `league-${field}`;
  const error = errors[field];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={RANGES[field].min}
        max={RANGES[field].max}
        step={1}
        value={form.numbers[field]}
        onChange={(e) => onChange(field, e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        data-testid={id}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export default function CreateLeaguePage() {
  const navigate = useNavigate();
  const { sports, error: sportsError } = useSports();
  const [form, setForm] = useState<LeagueForm | null>(null);
  const [chosen, setChosen] = useState<Asset[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  useEffect(() => {
    if (sports && sports.length > 0 && !form) setForm(formFromSport(sports[0]!));
  }, [sports, form]);

  if (sportsError && !sports) return <ErrorNotice error={sportsError} onRetry={() => window.location.reload()} />;
  if (!sports || !form) return <Loading />;
  if (sports.length === 0) return <p className="notice">No sports are available right now.</p>;

  const sport: Sport = sports.find((s) => s.key === form.sport) ?? sports[0]!;
  const words = wordsFor(sport.key, sports);
  const assetsWord = words.assets.toLowerCase();

  const update = (patch: Partial<LeagueForm>) => setForm({ ...form, ...patch });
  const setNumber = (field: NumberField, value: string) => update({ numbers: { ...form.numbers, [field]: value } });
  const changeSport = (key: SportKey) => {
    const next = sports.find((s) => s.key === key);
    if (next) {
      setForm(formFromSport(next, form));
      setChosen([]);
      setErrors({});
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateLeagueForm({ ...form!, assetIds: chosen.map((a) => a.id) }, words);
    if (result.errors) {
      setErrors(result.errors);
      setSubmitError('Some details need a look — see the highlighted fields.');
      return;
    }
    setErrors({});
    setSubmitError(null);
    setSubmitting(true);
    try {
      const league = await leaguesApi.create(result.body);
      navigate(`/leagues/${league.id}`);
    } catch (e) {
      setSubmitError(describeError(e));
      setSubmitting(false);
    }
  }

  const common = { form, errors, onChange: setNumber };

  return (
    <section>
      <h1>Create a league</h1>
      <form className="panel stack" onSubmit={submit} noValidate data-testid="create-league-form">
        <div className="field">
          <label htmlFor="league-name">League name</label>
          <input
            id="league-name"
            value={form.name}
            maxLength={80}
            onChange={(e) => update({ name: e.target.value })}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'league-name-error' : undefined}
            data-testid="league-name"
          />
          {errors.name && (
            <p id="league-name-error" className="field-error">
              {errors.name}
            </p>
          )}
        </div>

        <div className="field">
          <label htmlFor="league-sport">Sport</label>
          <select id="league-sport" value={form.sport} onChange={(e) => changeSport(e.target.value as SportKey)} data-testid="league-sport">
            {sports.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name} — bid for {wordsFor(s.key, sports).assets.toLowerCase()}
              </option>
            ))}
          </select>
        </div>

        {sport.competitions.length > 0 && (
          <div className="field">
            <label htmlFor="league-competition">Competition</label>
            <select
              id="league-competition"
              value={form.competition}
              onChange={(e) => {
                update({ competition: e.target.value });
                setChosen([]);
              }}
              data-testid="league-competition"
            >
              {sport.competitions.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}

        <fieldset>
          <legend>{words.assets} in the auction</legend>
          <label className="check">
            <input
              type="radio"
              name="asset-mode"
              checked={form.assetMode === 'all'}
              onChange={() => update({ assetMode: 'all', nominationOrder: 'random' })}
              data-testid="league-assets-all"
            />
            All {assetsWord} of the competition
          </label>
          <label className="check">
            <input
              type="radio"
              name="asset-mode"
              checked={form.assetMode === 'chosen'}
              onChange={() => update({ assetMode: 'chosen' })}
              data-testid="league-assets-chosen"
            />
            Choose the {assetsWord}
          </label>
          {errors.assets && <p className="field-error">{errors.assets}</p>}
          {form.assetMode === 'chosen' && (
            <>
              <div className="field">
                <label htmlFor="league-order">Order of the lots</label>
                <select
                  id="league-order"
                  value={form.nominationOrder}
                  onChange={(e) => update({ nominationOrder: e.target.value as 'random' | 'fixed' })}
                  data-testid="league-nomination-order"
                >
                  <option value="random">Random</option>
                  <option value="fixed">In the order I choose</option>
                </select>
              </div>
              <AssetPicker
                sport={sport.key}
                competition={form.competition}
                words={words}
                selected={chosen}
                onChange={setChosen}
                ordered={form.nominationOrder === 'fixed'}
              />
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>Budget and squads</legend>
          <div className="grid-2">
            <NumberInput field="budget" label="Budget per manager (£m)" {...common} />
            <NumberInput field="rosterSize" label={`${words.assets} per manager`} {...common} />
            <NumberInput field="minManagers" label="Fewest managers to start" {...common} />
            <NumberInput field="maxManagers" label="Most managers" {...common} />
          </div>
        </fieldset>

        <fieldset>
          <legend>Bidding</legend>
          <div className="grid-2">
            <NumberInput field="openingBid" label="Opening bid (£m)" {...common} />
            <NumberInput field="minIncrement" label="Smallest raise (£m)" {...common} />
            <NumberInput field="bidTimerSeconds" label="Bid timer (seconds)" hint="Time for each lot." {...common} />
            <NumberInput
              field="antiSnipeSeconds"
              label="Anti-snipe (seconds)"
              hint="A bid in the last seconds resets the timer to this."
              {...common}
            />
            <NumberInput
              field="lotGapSeconds"
              label="Pause between lots (seconds)"
              hint="The result shows before the next lot opens."
              {...common}
            />
            <NumberInput
              field="leadInSeconds"
              label="Lead-in (seconds)"
              hint="Time to get into the room before the first lot."
              {...common}
            />
          </div>
        </fieldset>

        <details>
          <summary>Scoring points</summary>
          <div className="grid-2">
            {Object.keys(form.scoring).map((key) => (
              <div className="field" key={key}>
                <label htmlFor={`scoring-${key}`}>{SCORING_LABELS[key] ?? key}</label>
                <input
                  id={`scoring-${key}`}
                  type="number"
                  inputMode="numeric"
                  step={1}
                  value={form.scoring[key]}
                  onChange={(e) => update({ scoring: { ...form.scoring, [key]: e.target.value } })}
                  data-testid={`scoring-${key}`}
                />
              </div>
            ))}
          </div>
          {errors.scoring && <p className="field-error">{errors.scoring}</p>}
        </details>

        {submitError && (
          <p className="notice error" role="alert" data-testid="create-league-error">
            {submitError}
          </p>
        )}
        <button type="submit" className="button primary wide" disabled={submitting} data-testid="create-league-submit">
          {submitting ? 'Creating…' : 'Create league'}
        </button>
      </form>
    </section>
  );
}
