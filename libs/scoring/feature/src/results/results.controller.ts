import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AccessGuard } from '@auction/auth-guard';
import { CsvBody } from '@auction/platform';
import { LeagueAccessGuard, LeagueContext, RequireLeagueRole } from '../league-context/league-access.guard.js';
import type { ScoringContext } from '@auction/contracts';
import { ImportResults, type ResultsImportReport } from './import-results.js';

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('api/scoring/leagues/:leagueId/results')
@UseGuards(AccessGuard, LeagueAccessGuard)
export class ResultsController {
  constructor(private readonly importResults: ImportResults) {}

  /**
   * Football: `externalMatchId,homeGoals,awayGoals`. Cricket:
   * `externalMatchId,playerExternalId,runs,wickets,catches,stumpings,runOuts`. Recomputes the leaderboard.
   */
  @Post()
  @HttpCode(200)
  @RequireLeagueRole('commissioner')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'externalMatchId,homeGoals,awayGoals\nEPL-1,4,2' } })
  upload(@LeagueContext() context: ScoringContext, @CsvBody() csv: string): Promise<ResultsImportReport> {
    return this.importResults.run(context, csv);
  }
}
