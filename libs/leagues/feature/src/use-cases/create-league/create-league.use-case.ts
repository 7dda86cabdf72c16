import { Inject, Injectable } from '@nestjs/common';
import type { CreateLeagueRequest, League } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { newInviteToken, resolveLeagueSettings } from '@auction/leagues-domain';
import { counter } from '@auction/observability';
import { Transactor, type DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { SportsConfig } from '../../catalogue/sports-config.js';
import { LeagueLimits } from '../../league-limits.js';
import { toLeague } from '../../leagues/league.js';
import { invalidSettings } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';
import { SettingsCatalogue } from '../../leagues/settings-catalogue.js';

const created = counter('leagues_created_total', 'Leagues created', ['sport']);

export interface CreateLeagueInput {
  user: AuthUser;
  request: CreateLeagueRequest;
}

/** `POST /api/leagues`: the sport's defaults for omitted settings; the caller becomes commissioner and a manager. */
@Injectable()
export class CreateLeagueUseCase {
  constructor(
    private readonly transactor: Transactor,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly sports: SportsConfig,
    private readonly catalogue: SettingsCatalogue,
    private readonly limits: LeagueLimits,
  ) {}

  async execute({ user, request }: CreateLeagueInput): Promise<League> {
    const sport = this.sports.require(request.sport);
    const result = resolveLeagueSettings(request, sport, await this.catalogue.load(this.database.db, sport.key, request.assetIds));
    if (!result.ok) throw invalidSettings(result.issues);
    await this.limits.creations.consume(user.id);

    const settings = result.settings;
    const { league, commissioner } = await this.transactor.run(async (db) => {
      const league = await this.leagues.insert(db, { settings, inviteToken: newInviteToken(), commissionerId: user.id });
      const commissioner = await this.members.add(db, {
        leagueId: league.id,
        userId: user.id,
        email: user.email.toLowerCase(),
        displayName: user.displayName,
        role: 'commissioner',
      });
      return { league, commissioner: commissioner! };
    });
    created.inc({ sport: sport.key });
    return toLeague(league, settings.assetIds, [commissioner], user.id);
  }
}
