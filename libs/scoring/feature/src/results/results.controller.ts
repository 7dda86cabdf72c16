import { Controller, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { MatchImportReport, ScoringContext } from '@auction/contracts';
import { AccessGuard } from '@auction/auth-guard';
import { ApiZodQuery, Upload, UploadBody, ZodPipe } from '@auction/platform';
import { importQuery, type ImportQuery } from '../imports/import-query.js';
import { LeagueAccessGuard, LeagueContext, RequireLeagueRole } from '../league-context/league-access.guard.js';
import { ImportMatchFileUseCase } from '../use-cases/import-match-file/import-match-file.use-case.js';

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('api/scoring/leagues/:leagueId/results')
@UseGuards(AccessGuard, LeagueAccessGuard)
export class ResultsController {
  constructor(private readonly importMatchFile: ImportMatchFileUseCase) {}

  /**
   * Football: `externalMatchId,homeGoals,awayGoals` or a football-data.co.uk season file. Cricket:
   * `externalMatchId,playerExternalId,runs,wickets,catches,stumpings,runOuts` (text/csv) or a
   * Cricsheet match file (application/json). Recomputes the leaderboard; `?dryRun=true` previews.
   */
  @Post()
  @HttpCode(200)
  @RequireLeagueRole('commissioner')
  @ApiConsumes('text/csv', 'application/json')
  @ApiZodQuery(importQuery)
  @ApiBody({ schema: { type: 'string', example: 'externalMatchId,homeGoals,awayGoals\nEPL-1,4,2' } })
  upload(
    @LeagueContext() context: ScoringContext,
    @UploadBody() upload: Upload,
    @Query(new ZodPipe(importQuery)) query: ImportQuery,
  ): Promise<MatchImportReport> {
    return this.importMatchFile.execute({ context, upload, route: 'results', dryRun: query.dryRun });
  }
}
