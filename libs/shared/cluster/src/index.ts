export * from './routes.js';
export * from './nginx.js';
export * from './nginx-process.js';
export * from './processes.js';
export * from './redis-server.js';
export * from './database.js';
export * from './launcher.js';
