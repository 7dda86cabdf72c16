import type { AppConfig } from '@auction/config';
import type { DatabaseHandle, Redis } from '@auction/db';
import type { Logger } from '@auction/observability';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const DATABASE = Symbol('DATABASE');
/** The shared ioredis client, or null in standalone mode. */
export const REDIS = Symbol('REDIS');
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Runtime {
  config: AppConfig;
  logger: Logger;
  database: DatabaseHandle;
  redis: Redis | null;
  clock?: Clock;
}
