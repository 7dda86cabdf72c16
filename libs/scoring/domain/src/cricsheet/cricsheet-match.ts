import { z } from 'zod';
import { text } from '@auction/contracts';

/** Every `kind` Cricsheet writes for a dismissal. */
export const DISMISSAL_KINDS = [
  'bowled',
  'caught',
  'caught and bowled',
  'lbw',
  'stumped',
  'run out',
  'retired hurt',
  'retired out',
  'retired not out',
  'hit wicket',
  'obstructing the field',
  'hit the ball twice',
  'handled the ball',
  'timed out',
] as const;

/**
 * Kinds not credited to the bowler (SPEC §9). `retired not out` is added to the SPEC's list: like
 * `retired hurt` it is a batter leaving, not a wicket anybody took.
 */
const NOT_THE_BOWLERS = new Set<string>(['run out', 'retired hurt', 'retired out', 'retired not out', 'obstructing the field']);

const name = text({ min: 1, max: 100, trim: true });
const count = z.number().int().min(0).max(1000);
const fielder = z.object({ name: name.optional(), substitute: z.boolean().optional() });
const wicket = z.object({ player_out: name, kind: z.enum(DISMISSAL_KINDS), fielders: z.array(fielder).max(10).optional() });
const delivery = z.object({
  batter: name,
  bowler: name,
  runs: z.object({ batter: count, extras: count, total: count }),
  wickets: z.array(wicket).max(2).optional(),
});
const over = z.object({ over: z.number().int().min(0), deliveries: z.array(delivery).max(100) });
const innings = z.object({ team: name, overs: z.array(over).max(1000).optional(), super_over: z.boolean().optional() });
const isoDate = text({ max: 1000 }).regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written yyyy-mm-dd');

/** The parts of a Cricsheet match file (JSON, https://cricsheet.org/format/json/) scoring reads; others are ignored. */
export const cricsheetMatch = z.object({
  info: z.object({
    dates: z.array(isoDate).min(1).max(10),
    teams: z.array(name).length(2),
    players: z.record(name, z.array(name).max(30)).optional(),
    registry: z.object({ people: z.record(name, text({ max: 40 })) }).optional(),
    match_type: text({ max: 40 }).optional(),
    event: z.object({ name: text({ max: 200 }).optional(), match_number: z.number().optional() }).optional(),
  }),
  innings: z.array(innings).max(12),
});
export type CricsheetMatch = z.infer<typeof cricsheetMatch>;

export interface CricsheetError {
  /** Where in the file, e.g. `innings[0].overs[3].deliveries[2].runs.batter`; `$` for the whole file. */
  path: string;
  message: string;
}

export type CricsheetParse = { match: CricsheetMatch; errors: [] } | { match: null; errors: CricsheetError[] };

export function parseCricsheetMatch(text: string): CricsheetParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { match: null, errors: [{ path: '$', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = cricsheetMatch.safeParse(json);
  if (parsed.success) return { match: parsed.data, errors: [] };
  return { match: null, errors: parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })) };
}

function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '$';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** One person's figures in one match, under the name the file uses. */
export interface CricsheetFigures {
  name: string;
  registryId: string | null;
  /** The team they played for (a substitute fielder: the fielding team). */
  team: string;
  runs: number;
  wickets: number;
  catches: number;
  stumpings: number;
  runOuts: number;
}

/**
 * Every player's figures from the deliveries (SPEC §9): runs off the bat; wickets by dismissal
 * kind; catches (the bowler's for caught and bowled); stumpings; a run-out to each named fielder.
 * Substitute fielders count. Super-over deliveries do not: a super over decides a tie and is
 * not part of the match's figures (as in official records); see docs/match-data.md.
 */
export function tallyCricsheet(match: CricsheetMatch): CricsheetFigures[] {
  const people = match.info.registry?.people ?? {};
  const figures = new Map<string, CricsheetFigures>();
  const of = (person: string, team: string): CricsheetFigures => {
    let entry = figures.get(person);
    if (!entry) {
      entry = { name: person, registryId: people[person] ?? null, team, runs: 0, wickets: 0, catches: 0, stumpings: 0, runOuts: 0 };
      figures.set(person, entry);
    }
    return entry;
  };
  for (const [team, players] of Object.entries(match.info.players ?? {})) for (const player of players) of(player, team);
  const [first, second] = match.info.teams as [string, string];
  for (const innings of match.innings) {
    if (innings.super_over) continue;
    const fielding = innings.team === first ? second : first;
    for (const over of innings.overs ?? []) {
      for (const ball of over.deliveries) {
        of(ball.batter, innings.team).runs += ball.runs.batter;
        for (const out of ball.wickets ?? []) creditDismissal(out, ball.bowler, (person) => of(person, fielding));
      }
    }
  }
  return [...figures.values()];
}

type Wicket = z.infer<typeof wicket>;

function creditDismissal(out: Wicket, bowler: string, fielder: (name: string) => CricsheetFigures): void {
  if (!NOT_THE_BOWLERS.has(out.kind)) fielder(bowler).wickets += 1;
  const named = (out.fielders ?? []).flatMap((f) => (f.name ? [f.name] : []));
  if (out.kind === 'caught and bowled') fielder(bowler).catches += 1;
  else if (out.kind === 'caught' && named[0]) fielder(named[0]).catches += 1;
  else if (out.kind === 'stumped') for (const person of named) fielder(person).stumpings += 1;
  else if (out.kind === 'run out') for (const person of named) fielder(person).runOuts += 1;
}
