export type { Competition, CricketPlayer, CricketRole, CricketTeam, FootballClub } from './catalogue/types.js';
export { FOOTBALL_CLUBS, FOOTBALL_COMPETITIONS } from './catalogue/football.js';
export { CRICKET_COMPETITIONS, CRICKET_PLAYERS, NZ_ENG_ODI } from './catalogue/cricket.js';
export { assetIdFor } from './catalogue/asset-ids.js';
export { CATALOGUE_ASSETS, clubToAsset, inMemoryCatalogue, playerToAsset, type AssetCatalogue } from './catalogue/catalogue-assets.js';
export { poolCsv } from './catalogue/pool-csv.js';
export { SPORTS, enabledSports, isSportKey } from './sports/sports.js';
export type { LeagueSettings, SettingsIssue, SettingsResult } from './settings/league-settings.js';
export { resolveLeagueSettings } from './settings/resolve-league-settings.js';
export { applyLeagueUpdate } from './settings/apply-league-update.js';
export { newInviteToken } from './invitations/invite-token.js';
export {
  INVITATIONS_CSV_MAX_BYTES,
  INVITATIONS_CSV_MAX_ROWS,
  parseInvitationsCsv,
  type CsvLineError,
  type InvitationCsvRow,
  type InvitationsCsv,
} from './invitations/invitations-csv.js';
export { invitationStatus } from './invitations/invitation-status.js';
