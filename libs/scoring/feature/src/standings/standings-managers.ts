import type { StandingsManager } from '@auction/scoring-domain';
import type { ScoringContext } from '@auction/contracts';
import type { RosterManager } from '../rosters/rosters.repository.js';

/**
 * Everyone the leaderboard lists: every member of the league (a member without a roster
 * scores 0 and spent nothing), with spend, join time and assets from the auction. A manager
 * of the auction the league no longer lists is kept: their roster still scores. A name the user
 * chose since (`renamed`) wins over the league's, which may not have caught up yet.
 */
export function standingsManagers(
  members: ScoringContext['members'],
  rosters: readonly RosterManager[],
  renamed: ReadonlyMap<string, string> = new Map(),
): StandingsManager[] {
  const rosterOf = new Map(rosters.map((roster) => [roster.userId, roster]));
  const listed = members.map((member): StandingsManager => {
    const roster = rosterOf.get(member.userId);
    rosterOf.delete(member.userId);
    return {
      userId: member.userId,
      displayName: renamed.get(member.userId) ?? member.displayName,
      spent: roster?.spent ?? 0,
      joinedAt: roster?.joinedAt ?? new Date(member.joinedAt),
      assets: roster?.assets ?? [],
    };
  });
  return [...listed, ...rosterOf.values()];
}
