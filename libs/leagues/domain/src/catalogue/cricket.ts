import { CRICKET_RANKING, rankIn } from './ranking.js';
import type { Competition, CricketPlayer, CricketRole, CricketTeam } from './types.js';

export const NZ_ENG_ODI = 'ODI-NZ-ENG';

export const CRICKET_COMPETITIONS: Competition[] = [{ key: NZ_ENG_ODI, name: 'New Zealand v England ODI series' }];

function player(externalId: string, name: string, team: CricketTeam, role: CricketRole): CricketPlayer {
  // No registry id is seeded: see docs/match-data.md; players are matched by name.
  return { externalId, name, team, role, competitions: [NZ_ENG_ODI], rank: rankIn(CRICKET_RANKING, externalId), registryId: null };
}

/** New Zealand's squad for the October–November 2025 ODIs v England, with Blair Tickner, called up when Kyle Jamieson was injured. */
const NEW_ZEALAND: CricketPlayer[] = [
  player('nz-mitchell-santner', 'Mitchell Santner', 'New Zealand', 'All-rounder'),
  player('nz-michael-bracewell', 'Michael Bracewell', 'New Zealand', 'All-rounder'),
  player('nz-mark-chapman', 'Mark Chapman', 'New Zealand', 'Batter'),
  player('nz-devon-conway', 'Devon Conway', 'New Zealand', 'Batter'),
  player('nz-jacob-duffy', 'Jacob Duffy', 'New Zealand', 'Bowler'),
  player('nz-zak-foulkes', 'Zak Foulkes', 'New Zealand', 'All-rounder'),
  player('nz-matt-henry', 'Matt Henry', 'New Zealand', 'Bowler'),
  player('nz-kyle-jamieson', 'Kyle Jamieson', 'New Zealand', 'Bowler'),
  player('nz-tom-latham', 'Tom Latham', 'New Zealand', 'Wicketkeeper'),
  player('nz-daryl-mitchell', 'Daryl Mitchell', 'New Zealand', 'Batter'),
  player('nz-rachin-ravindra', 'Rachin Ravindra', 'New Zealand', 'All-rounder'),
  player('nz-nathan-smith', 'Nathan Smith', 'New Zealand', 'All-rounder'),
  player('nz-blair-tickner', 'Blair Tickner', 'New Zealand', 'Bowler'),
  player('nz-kane-williamson', 'Kane Williamson', 'New Zealand', 'Batter'),
  player('nz-will-young', 'Will Young', 'New Zealand', 'Batter'),
];

/** England's squad for the October–November 2025 ODIs in New Zealand. */
const ENGLAND: CricketPlayer[] = [
  player('eng-harry-brook', 'Harry Brook', 'England', 'Batter'),
  player('eng-rehan-ahmed', 'Rehan Ahmed', 'England', 'All-rounder'),
  player('eng-jofra-archer', 'Jofra Archer', 'England', 'Bowler'),
  player('eng-sonny-baker', 'Sonny Baker', 'England', 'Bowler'),
  player('eng-tom-banton', 'Tom Banton', 'England', 'Batter'),
  player('eng-jacob-bethell', 'Jacob Bethell', 'England', 'All-rounder'),
  player('eng-jos-buttler', 'Jos Buttler', 'England', 'Wicketkeeper'),
  player('eng-brydon-carse', 'Brydon Carse', 'England', 'Bowler'),
  player('eng-sam-curran', 'Sam Curran', 'England', 'All-rounder'),
  player('eng-liam-dawson', 'Liam Dawson', 'England', 'All-rounder'),
  player('eng-ben-duckett', 'Ben Duckett', 'England', 'Batter'),
  player('eng-jamie-overton', 'Jamie Overton', 'England', 'All-rounder'),
  player('eng-adil-rashid', 'Adil Rashid', 'England', 'Bowler'),
  player('eng-joe-root', 'Joe Root', 'England', 'Batter'),
  player('eng-jamie-smith', 'Jamie Smith', 'England', 'Wicketkeeper'),
  player('eng-luke-wood', 'Luke Wood', 'England', 'Bowler'),
];

export const CRICKET_PLAYERS: readonly CricketPlayer[] = [...NEW_ZEALAND, ...ENGLAND];
