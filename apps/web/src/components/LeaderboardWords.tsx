import type { Tiebreaks } from '@auction/contracts';
import { plural } from '../lib/format';

export function tiebreakText(t: Tiebreaks): string {
  return 'goals' in t
    ? `${plural(t.goals, 'goal', 'goals')} · ${plural(t.wins, 'win', 'wins')}`
    : `${plural(t.catches, 'catch', 'catches')} · ${plural(t.stumpings, 'stumping', 'stumpings')} · ${plural(t.runOuts, 'run-out', 'run-outs')}`;
}

/** "3 pts", and "1 pt" for one. */
export function Points({ points }: { points: number }) {
  const [count, unit] = plural(points, 'pt', 'pts').split(' ');
  return (
    <>
      <strong>{count}</strong> {unit}
    </>
  );
}

/** Before any match has a result every rank is only the tie-break order, so none is shown. */
export function Rank({ rank, scored, testId }: { rank: number; scored: boolean; testId?: string }) {
  return (
    <span className="rank" aria-label={scored ? `Rank ${rank}` : 'No rank yet'} data-testid={testId}>
      {scored ? rank : '—'}
    </span>
  );
}
