import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccessGuard } from '@auction/auth-guard';
import { LeagueAccessGuard, LeagueContext, RequireLeagueRole } from '../league-context/league-access.guard.js';
import type { ScoringContext } from '@auction/contracts';
import { RebuildRostersUseCase } from '../use-cases/rebuild-rosters/rebuild-rosters.use-case.js';
import type { StoredRosters } from '../use-cases/store-rosters/store-rosters.use-case.js';

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('api/scoring/leagues/:leagueId/rosters')
@UseGuards(AccessGuard, LeagueAccessGuard)
export class RostersController {
  constructor(private readonly rebuildRosters: RebuildRostersUseCase) {}

  /** Reloads the rosters from the auction engine's completed auction (if the event was missed) and recomputes. */
  @Post('rebuild')
  @HttpCode(200)
  @RequireLeagueRole('commissioner')
  rebuild(@LeagueContext() context: ScoringContext): Promise<StoredRosters> {
    return this.rebuildRosters.execute({ context });
  }
}
