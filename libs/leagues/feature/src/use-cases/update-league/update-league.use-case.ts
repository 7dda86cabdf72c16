import { Injectable } from '@nestjs/common';
import { DomainError, type League, type UpdateLeagueRequest } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { applyLeagueUpdate, SPORTS } from '@auction/leagues-domain';
import { Transactor } from '@auction/db';
import { SportsConfig } from '../../catalogue/sports-config.js';
import { settingsOf, toLeague } from '../../leagues/league.js';
import { invalidSettings, requireCommissioner, requireLeague, requireOpen } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';
import { SettingsCatalogue } from '../../leagues/settings-catalogue.js';

export interface UpdateLeagueInput {
  user: AuthUser;
  leagueId: string;
  patch: UpdateLeagueRequest;
}

/** `PATCH /api/leagues/:id`: the commissioner edits settings until the auction starts. */
@Injectable()
export class UpdateLeagueUseCase {
  constructor(
    private readonly transactor: Transactor,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly sports: SportsConfig,
    private readonly catalogue: SettingsCatalogue,
  ) {}

  execute({ user, leagueId, patch }: UpdateLeagueInput): Promise<League> {
    return this.transactor.run(async (db) => {
      const league = requireLeague(await this.leagues.findForUpdate(db, leagueId));
      requireCommissioner(league, await this.members.find(db, leagueId, user.id));
      requireOpen(league);

      const switching = patch.sport !== undefined && patch.sport !== league.sport;
      // A league keeps its sport even if the sport is switched off later; switching to one needs it on.
      const sport = switching ? this.sports.require(patch.sport!) : SPORTS[league.sport];
      const pool = await this.leagues.poolIds(db, leagueId);
      const catalogue = await this.catalogue.load(db, sport.key, patch.assetIds);
      const result = applyLeagueUpdate(settingsOf(league, pool), patch, sport, catalogue);
      if (!result.ok) throw invalidSettings(result.issues);

      const memberCount = await this.members.count(db, leagueId);
      if (result.settings.maxManagers < memberCount) {
        throw new DomainError('VALIDATION_FAILED', 'Some league settings need changing.', {
          errors: [
            {
              path: 'maxManagers',
              message: `The league already has ${memberCount} members, so the maximum can't be lower than ${memberCount}. Remove members first.`,
            },
          ],
        });
      }
      const poolChanged = !sameOrder(pool, result.settings.assetIds);
      const updated = await this.leagues.updateSettings(db, leagueId, result.settings, poolChanged);
      return toLeague(updated, result.settings.assetIds, await this.members.listOf(db, leagueId), user.id);
    });
  }
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
