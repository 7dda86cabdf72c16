import type { ScoringContext, SkippedPlayer } from '@auction/contracts';
import { describePlayer, type CricketStat, type CricsheetFigures } from '@auction/scoring-domain';
import { playerDirectory } from '../fixtures/team-resolver.js';

export interface CricsheetAssignment {
  /** One line per pool player of the file (zeros included), without the match id. */
  stats: Array<Omit<CricketStat, 'externalMatchId'>>;
  skipped: SkippedPlayer[];
}

/**
 * Gives each person of a Cricsheet file their catalogue player (registry id, else a name that fits
 * one player of their team); people outside the league's pool, unknown, or fitting several players
 * score nothing and are listed in `skipped`.
 */
export function assignCricsheetPlayers(figures: readonly CricsheetFigures[], context: ScoringContext): CricsheetAssignment {
  const directory = playerDirectory(context);
  const pool = new Set(context.poolAssetIds);
  const taken = new Map<string, string>();
  const stats: CricsheetAssignment['stats'] = [];
  const skipped: SkippedPlayer[] = [];
  const skip = (person: CricsheetFigures, reason: SkippedPlayer['reason'], message: string) =>
    skipped.push({ name: person.name, registryId: person.registryId, team: person.team, reason, message });

  for (const person of figures) {
    const match = directory.matchPerson(person);
    if (match.kind === 'unknown') {
      skip(person, 'unknown', 'no player of the catalogue has this name or registry id');
    } else if (match.kind === 'ambiguous') {
      skip(person, 'ambiguous', `fits more than one player: ${match.candidates.map(describePlayer).join(', ')}`);
    } else if (!pool.has(match.player.id)) {
      skip(person, 'not-in-pool', `${describePlayer(match.player)} is not in this league's pool`);
    } else if (taken.has(match.player.externalId)) {
      skip(person, 'ambiguous', `${describePlayer(match.player)} is already "${taken.get(match.player.externalId)}" in this file`);
    } else {
      taken.set(match.player.externalId, person.name);
      const { runs, wickets, catches, stumpings, runOuts } = person;
      stats.push({ playerExternalId: match.player.externalId, runs, wickets, catches, stumpings, runOuts });
    }
  }
  return { stats, skipped };
}
