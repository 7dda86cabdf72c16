import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import { createRedisClient, type Redis } from '@auction/db';
import { counter } from '@auction/observability';
import { APP_CONFIG } from '@auction/platform';

export interface LimitRule {
  /** Key prefix in Redis; also the metric label. */
  name: string;
  points: number;
  durationSeconds: number;
}

const refusals = counter('rate_limit_refusals_total', 'Requests refused by a rate limit', ['rule']);

/** One limit: consumes points for a key, or refuses with 429 `RATE_LIMITED` and a retry delay. */
export class Limiter {
  constructor(
    private readonly rule: LimitRule,
    private readonly limiter: RateLimiterAbstract | null,
  ) {}

  async consume(key: string, points = 1): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(key, points);
    } catch (rejection) {
      throw this.refusal(rejection);
    }
  }

  /** Spends `points` only if all of them fit; a refusal gives back what the attempt took. */
  async consumeAll(key: string, points: number): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(key, points);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) await this.limiter.reward(key, points).catch(() => undefined);
      throw this.refusal(rejection);
    }
  }

  /** Refuses when the key has already used its points, without spending one. */
  async assertNotExhausted(key: string): Promise<void> {
    if (!this.limiter) return;
    const state = await this.limiter.get(key).catch(() => null);
    if (state && state.consumedPoints >= this.rule.points) throw this.refusal(state);
  }

  /** Gives back a point spent by `consume` (an attempt that turned out not to count). */
  async refund(key: string, points = 1): Promise<void> {
    if (!this.limiter) return;
    await this.limiter.reward(key, points).catch(() => undefined);
  }

  /** Spends a point without refusing (for counting failures). */
  async penalise(key: string): Promise<void> {
    if (!this.limiter) return;
    await this.limiter.penalty(key, 1).catch(() => undefined);
  }

  private refusal(rejection: unknown): DomainError {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    refusals.inc({ rule: this.rule.name });
    return new DomainError('RATE_LIMITED', 'Too many requests; please wait before trying again.', {
      retryAfterSeconds: rejection.msBeforeNext / 1000,
    });
  }
}

/**
 * Limits shared across replicas through Redis, with an in-memory insurance limiter so that
 * a Redis outage degrades limits to per-process ones instead of failing requests.
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis =
      config.rateLimits && config.redisUrl
        ? createRedisClient(config.redisUrl, `${config.service}-rate-limit`, {
            enableOfflineQueue: false,
            commandTimeout: 200,
            maxRetriesPerRequest: 0,
          })
        : null;
  }

  limiter(rule: LimitRule): Limiter {
    if (!this.config.rateLimits) return new Limiter(rule, null);
    const options = { keyPrefix: `rl:${rule.name}`, points: rule.points, duration: rule.durationSeconds };
    const memory = new RateLimiterMemory(options);
    if (!this.redis) return new Limiter(rule, memory);
    return new Limiter(
      rule,
      new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis?.disconnect();
  }
}

@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class RateLimitModule {}
