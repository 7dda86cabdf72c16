import type { League, SportWords, UpdateLeagueRequest } from '@auction/contracts';
import { useState, type FormEvent } from 'react';
import { leaguesApi } from '../../api/endpoints';
import { ApiError, describeError } from '../../api/errors';
import { checkNumberFields, NUMBER_FIELDS, type NumberField } from '../../lib/leagueForm';

const LABELS: Record<NumberField, string> = {
  budget: 'Budget per manager (£m)',
  rosterSize: 'Squad size',
  minManagers: 'Fewest managers',
  maxManagers: 'Most managers',
  openingBid: 'Opening bid (£m)',
  minIncrement: 'Smallest raise (£m)',
  bidTimerSeconds: 'Bid timer (seconds)',
  antiSnipeSeconds: 'Anti-snipe (seconds)',
  lotGapSeconds: 'Pause between lots (seconds)',
  leadInSeconds: 'Lead-in before the first lot (seconds)',
};

type Errors = Partial<Record<NumberField | 'name' | 'form', string>>;

/** Checks the numbers the way the server will, so most mistakes are caught before sending. */
function changesOf(
  league: League,
  name: string,
  numbers: Record<NumberField, string>,
  words: SportWords,
): { body: UpdateLeagueRequest; errors: Errors } {
  const { numbers: values, errors: numberErrors } = checkNumberFields(numbers, words);
  const errors: Errors = { ...numberErrors };
  const body: UpdateLeagueRequest = {};
  if (!name.trim()) errors.name = 'Give the league a name.';
  else if (name.trim() !== league.name) body.name = name.trim();
  for (const field of NUMBER_FIELDS) if (values[field] !== league[field]) body[field] = values[field];
  return { body, errors };
}

interface Props {
  league: League;
  /** The sport's words, which the league rules speak in ("a full roster of 3 clubs"). */
  words: SportWords;
  onSaved: (league: League) => void;
  onCancel: () => void;
}

/** The commissioner changes settings until the auction starts (the server refuses after). */
export function SettingsEditor({ league, words, onSaved, onCancel }: Props) {
  const [name, setName] = useState(league.name);
  const [numbers, setNumbers] = useState(
    () => Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(league[f])])) as Record<NumberField, string>,
  );
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { body, errors: found } = changesOf(league, name, numbers, words);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(body).length === 0) return onCancel();
    setSaving(true);
    try {
      onSaved(await leaguesApi.update(league.id, body));
    } catch (e) {
      const problems = e instanceof ApiError ? (e.problem?.errors ?? []) : [];
      const fieldErrors = Object.fromEntries(problems.flatMap((p) => (typeof p.path === 'string' ? [[p.path, p.message]] : [])));
      setErrors({ ...fieldErrors, form: describeError(e) });
    } finally {
      setSaving(false);
    }
  }

  const field = (id: NumberField | 'name', label: string, input: React.ReactNode) => (
    <div className="field" key={id}>
      <label htmlFor={`setting-${id}`}>{label}</label>
      {input}
      {errors[id] && (
        <p id={`setting-${id}-error`} className="field-error">
          {errors[id]}
        </p>
      )}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate data-testid="settings-form">
      {field(
        'name',
        'League name',
        <input
          id="setting-name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={errors.name ? true : undefined}
        />,
      )}
      <div className="grid-2">
        {NUMBER_FIELDS.map((f) =>
          field(
            f,
            LABELS[f],
            <input
              id={`setting-${f}`}
              inputMode="numeric"
              value={numbers[f]}
              onChange={(e) => setNumbers({ ...numbers, [f]: e.target.value })}
              aria-invalid={errors[f] ? true : undefined}
              aria-describedby={errors[f] ? `setting-${f}-error` : undefined}
              data-testid={`setting-${f}`}
            />,
          ),
        )}
      </div>
      {errors.form && (
        <p className="notice error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={saving} data-testid="settings-save">
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
