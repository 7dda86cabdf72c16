import { FOOTBALL_DATA_ALIASES, FOOTBALL_RANKING, rankIn } from './ranking.js';
import type { Competition, FootballClub } from './types.js';

export const FOOTBALL_COMPETITIONS: Competition[] = [
  { key: 'EPL', name: 'Premier League 2025/26' },
  { key: 'UCL', name: 'UEFA Champions League 2025/26' },
];

const EPL = ['EPL'];
const UCL = ['UCL'];
const EPL_AND_UCL = ['EPL', 'UCL'];

function club(externalId: string, name: string, shortName: string, country: string, competitions: string[]): FootballClub {
  return {
    externalId,
    name,
    shortName,
    country,
    competitions: [...competitions],
    rank: rankIn(FOOTBALL_RANKING, externalId),
    aliases: [...(FOOTBALL_DATA_ALIASES[externalId] ?? [])],
  };
}

/** Premier League 2025/26 clubs; the six also in the Champions League carry both keys. */
const PREMIER_LEAGUE: FootballClub[] = [
  club('eng-arsenal', 'Arsenal', 'ARS', 'England', EPL_AND_UCL),
  club('eng-aston-villa', 'Aston Villa', 'AVL', 'England', EPL),
  club('eng-bournemouth', 'Bournemouth', 'BOU', 'England', EPL),
  club('eng-brentford', 'Brentford', 'BRE', 'England', EPL),
  club('eng-brighton-hove-albion', 'Brighton & Hove Albion', 'BHA', 'England', EPL),
  club('eng-burnley', 'Burnley', 'BUR', 'England', EPL),
  club('eng-chelsea', 'Chelsea', 'CHE', 'England', EPL_AND_UCL),
  club('eng-crystal-palace', 'Crystal Palace', 'CRY', 'England', EPL),
  club('eng-everton', 'Everton', 'EVE', 'England', EPL),
  club('eng-fulham', 'Fulham', 'FUL', 'England', EPL),
  club('eng-leeds-united', 'Leeds United', 'LEE', 'England', EPL),
  club('eng-liverpool', 'Liverpool', 'LIV', 'England', EPL_AND_UCL),
  club('eng-manchester-city', 'Manchester City', 'MCI', 'England', EPL_AND_UCL),
  club('eng-manchester-united', 'Manchester United', 'MUN', 'England', EPL),
  club('eng-newcastle-united', 'Newcastle United', 'NEW', 'England', EPL_AND_UCL),
  club('eng-nottingham-forest', 'Nottingham Forest', 'NFO', 'England', EPL),
  club('eng-sunderland', 'Sunderland', 'SUN', 'England', EPL),
  club('eng-tottenham-hotspur', 'Tottenham Hotspur', 'TOT', 'England', EPL_AND_UCL),
  club('eng-west-ham-united', 'West Ham United', 'WHU', 'England', EPL),
  club('eng-wolverhampton-wanderers', 'Wolverhampton Wanderers', 'WOL', 'England', EPL),
];

/** Champions League 2025/26 league-phase clubs from outside the Premier League. */
const CHAMPIONS_LEAGUE_ONLY: FootballClub[] = [
  club('ned-ajax', 'Ajax', 'AJA', 'Netherlands', UCL),
  club('ita-atalanta', 'Atalanta', 'ATA', 'Italy', UCL),
  club('esp-athletic-club', 'Athletic Club', 'ATH', 'Spain', UCL),
  club('esp-atletico-de-madrid', 'Atlético de Madrid', 'ATM', 'Spain', UCL),
  club('esp-barcelona', 'Barcelona', 'BAR', 'Spain', UCL),
  club('ger-bayer-leverkusen', 'Bayer Leverkusen', 'LEV', 'Germany', UCL),
  club('ger-bayern-munchen', 'Bayern München', 'BAY', 'Germany', UCL),
  club('por-benfica', 'Benfica', 'BEN', 'Portugal', UCL),
  club('nor-bodo-glimt', 'Bodø/Glimt', 'BOD', 'Norway', UCL),
  club('ger-borussia-dortmund', 'Borussia Dortmund', 'BVB', 'Germany', UCL),
  club('bel-club-brugge', 'Club Brugge', 'BRU', 'Belgium', UCL),
  club('den-copenhagen', 'Copenhagen', 'FCK', 'Denmark', UCL),
  club('ger-eintracht-frankfurt', 'Eintracht Frankfurt', 'SGE', 'Germany', UCL),
  club('tur-galatasaray', 'Galatasaray', 'GAL', 'Türkiye', UCL),
  club('ita-inter', 'Inter', 'INT', 'Italy', UCL),
  club('ita-juventus', 'Juventus', 'JUV', 'Italy', UCL),
  club('kaz-kairat-almaty', 'Kairat Almaty', 'KAI', 'Kazakhstan', UCL),
  club('fra-marseille', 'Marseille', 'MAR', 'France', UCL),
  club('mco-monaco', 'Monaco', 'MON', 'Monaco', UCL),
  club('ita-napoli', 'Napoli', 'NAP', 'Italy', UCL),
  club('gre-olympiacos', 'Olympiacos', 'OLY', 'Greece', UCL),
  club('cyp-pafos', 'Pafos', 'PAF', 'Cyprus', UCL),
  club('fra-paris-saint-germain', 'Paris Saint-Germain', 'PSG', 'France', UCL),
  club('ned-psv-eindhoven', 'PSV Eindhoven', 'PSV', 'Netherlands', UCL),
  club('aze-qarabag', 'Qarabağ', 'QAR', 'Azerbaijan', UCL),
  club('esp-real-madrid', 'Real Madrid', 'RMA', 'Spain', UCL),
  club('cze-slavia-praha', 'Slavia Praha', 'SLA', 'Czechia', UCL),
  club('por-sporting-cp', 'Sporting CP', 'SCP', 'Portugal', UCL),
  club('bel-union-saint-gilloise', 'Union Saint-Gilloise', 'USG', 'Belgium', UCL),
  club('esp-villarreal', 'Villarreal', 'VIL', 'Spain', UCL),
];

export const FOOTBALL_CLUBS: readonly FootballClub[] = [...PREMIER_LEAGUE, ...CHAMPIONS_LEAGUE_ONLY];
