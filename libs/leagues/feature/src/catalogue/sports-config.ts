import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type Sport, type SportKey } from '@auction/contracts';
import type { AppConfig } from '@auction/config';
import { enabledSports } from '@auction/leagues-domain';
import { APP_CONFIG } from '@auction/platform';

/** The sports this deployment offers (`SPORTS_ENABLED`). */
@Injectable()
export class SportsConfig {
  readonly enabled: Sport[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.enabled = enabledSports(config.sportsEnabled);
  }

  isEnabled(key: SportKey): boolean {
    return this.enabled.some((sport) => sport.key === key);
  }

  /** The sport, or 422 `SPORT_DISABLED` when this deployment has switched it off. */
  require(key: SportKey): Sport {
    const sport = this.enabled.find((candidate) => candidate.key === key);
    if (!sport) {
      const offered = this.enabled.map((s) => s.name).join(', ');
      throw new DomainError('SPORT_DISABLED', `${capitalise(key)} is switched off here. Choose one of: ${offered}.`, {
        errors: [{ path: 'sport', message: `${key} is not enabled` }],
      });
    }
    return sport;
  }
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
