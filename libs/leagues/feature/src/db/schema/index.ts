export * from './leagues-schema.js';
export * from './assets.js';
export * from './leagues.js';
export * from './league-members.js';
export * from './league-assets.js';
export * from './invitations.js';
