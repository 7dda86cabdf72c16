export * from './databases.js';
export * from './smtp.js';
export * from './http.js';
export * from './processes.js';
export * from './tokens.js';
export * from './events.js';
export * from './stack.js';
export * from './sentry-recorder.js';
