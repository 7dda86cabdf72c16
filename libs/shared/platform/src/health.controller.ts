import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { pingDatabase, pingRedis, type DatabaseHandle, type Redis } from '@auction/db';
import { gauge, metricsRegistry } from '@auction/observability';
import { Drain } from './drain.js';
import { DATABASE, REDIS } from './tokens.js';

type CheckValue = 'ok' | 'down' | 'disabled';

/** Each scrape checks the dependencies, so alerts need no exporter and see what a replica sees. */
const dependencyUp = gauge('dependency_up', 'Whether this process reaches a dependency (1) or not (0), checked on each scrape', [
  'dependency',
]);

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { database: CheckValue; redis: CheckValue };
}

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly drain: Drain,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready to take traffic while the database answers and the process is not draining: a Redis
   * outage degrades, it does not stop requests.
   */
  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.report();
    res.status(report.checks.database === 'ok' && !this.drain.isDraining ? 200 : 503);
    return report;
  }

  /** The public health answer: 503 whenever any dependency is down. */
  @Get('api/health')
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.report();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  async metrics(): Promise<string> {
    const { checks } = await this.report();
    for (const [dependency, check] of Object.entries(checks)) {
      if (check !== 'disabled') dependencyUp.set({ dependency }, check === 'ok' ? 1 : 0);
    }
    return metricsRegistry.metrics();
  }

  private async report(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      pingDatabase(this.database.pool).then(toCheck),
      this.redis ? pingRedis(this.redis).then(toCheck) : Promise.resolve<CheckValue>('disabled'),
    ]);
    return { status: database === 'ok' && redis !== 'down' ? 'ok' : 'degraded', checks: { database, redis } };
  }
}

const toCheck = (up: boolean): CheckValue => (up ? 'ok' : 'down');
