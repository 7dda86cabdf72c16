/**
 * Catalogue ranks (1 = strongest), used where an order of strength is needed, such as the
 * automatic nomination of SPEC §8. The reasoning behind each list is in docs/match-data.md.
 */

/**
 * Football: the Premier League clubs in their 2024/25 final table order, the three promoted clubs
 * after them in their Championship order, then the other Champions League clubs by UEFA club
 * coefficient at the start of 2025/26.
 */
export const FOOTBALL_RANKING: readonly string[] = [
  'eng-liverpool',
  'eng-arsenal',
  'eng-manchester-city',
  'eng-chelsea',
  'eng-newcastle-united',
  'eng-aston-villa',
  'eng-nottingham-forest',
  'eng-brighton-hove-albion',
  'eng-bournemouth',
  'eng-brentford',
  'eng-fulham',
  'eng-crystal-palace',
  'eng-everton',
  'eng-west-ham-united',
  'eng-manchester-united',
  'eng-wolverhampton-wanderers',
  'eng-tottenham-hotspur',
  'eng-leeds-united',
  'eng-burnley',
  'eng-sunderland',
  'esp-real-madrid',
  'ger-bayern-munchen',
  'ita-inter',
  'fra-paris-saint-germain',
  'esp-barcelona',
  'ger-borussia-dortmund',
  'ger-bayer-leverkusen',
  'esp-atletico-de-madrid',
  'por-benfica',
  'ita-atalanta',
  'ita-juventus',
  'por-sporting-cp',
  'ita-napoli',
  'ger-eintracht-frankfurt',
  'bel-club-brugge',
  'ned-psv-eindhoven',
  'esp-villarreal',
  'gre-olympiacos',
  'fra-marseille',
  'esp-athletic-club',
  'ned-ajax',
  'mco-monaco',
  'tur-galatasaray',
  'nor-bodo-glimt',
  'cze-slavia-praha',
  'den-copenhagen',
  'bel-union-saint-gilloise',
  'aze-qarabag',
  'cyp-pafos',
  'kaz-kairat-almaty',
];

/**
 * Cricket: our own order for the New Zealand and England ODI squads, established first-choice
 * batters and bowlers before squad players; both squads interleaved so neither team's players
 * all come first.
 */
export const CRICKET_RANKING: readonly string[] = [
  'eng-joe-root',
  'nz-kane-williamson',
  'eng-harry-brook',
  'nz-rachin-ravindra',
  'eng-jos-buttler',
  'nz-daryl-mitchell',
  'eng-jofra-archer',
  'nz-matt-henry',
  'eng-adil-rashid',
  'nz-mitchell-santner',
  'eng-ben-duckett',
  'nz-tom-latham',
  'eng-jamie-smith',
  'nz-devon-conway',
  'eng-sam-curran',
  'nz-michael-bracewell',
  'eng-brydon-carse',
  'nz-kyle-jamieson',
  'eng-jacob-bethell',
  'nz-will-young',
  'eng-jamie-overton',
  'nz-mark-chapman',
  'eng-liam-dawson',
  'nz-jacob-duffy',
  'eng-luke-wood',
  'nz-nathan-smith',
  'eng-rehan-ahmed',
  'nz-zak-foulkes',
  'eng-tom-banton',
  'nz-blair-tickner',
  'eng-sonny-baker',
];

/**
 * How football-data.co.uk's season files spell the clubs (its Premier League and European league
 * files), where that differs from the catalogue's name and short name.
 */
export const FOOTBALL_DATA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'eng-brighton-hove-albion': ['Brighton'],
  'eng-leeds-united': ['Leeds'],
  'eng-manchester-city': ['Man City'],
  'eng-manchester-united': ['Man United', 'Man Utd'],
  'eng-newcastle-united': ['Newcastle'],
  'eng-nottingham-forest': ["Nott'm Forest", 'Nottingham'],
  'eng-tottenham-hotspur': ['Tottenham', 'Spurs'],
  'eng-west-ham-united': ['West Ham'],
  'eng-wolverhampton-wanderers': ['Wolves'],
  'esp-atletico-de-madrid': ['Ath Madrid', 'Atletico Madrid'],
  'esp-athletic-club': ['Ath Bilbao', 'Athletic Bilbao'],
  'ger-bayern-munchen': ['Bayern Munich'],
  'ger-borussia-dortmund': ['Dortmund'],
  'ger-bayer-leverkusen': ['Leverkusen'],
  'ger-eintracht-frankfurt': ['Ein Frankfurt'],
  'fra-paris-saint-germain': ['Paris SG'],
  'por-sporting-cp': ['Sp Lisbon', 'Sporting'],
  'bel-union-saint-gilloise': ['St. Gilloise', 'St Gilloise'],
  'gre-olympiacos': ['Olympiakos'],
  'den-copenhagen': ['FC Copenhagen'],
};

/** The 1-based rank of `externalId` in `ranking`; throws for an asset the list forgot, so no asset goes unranked. */
export function rankIn(ranking: readonly string[], externalId: string): number {
  const index = ranking.indexOf(externalId);
  if (index < 0) throw new Error(`${externalId} has no rank`);
  return index + 1;
}
