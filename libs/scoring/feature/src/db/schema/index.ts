export * from './scoring-schema.js';
export * from './league-managers.js';
export * from './roster-assets.js';
export * from './fixtures.js';
export * from './player-stats.js';
export * from './asset-points.js';
export * from './standings.js';
export * from './league-states.js';
