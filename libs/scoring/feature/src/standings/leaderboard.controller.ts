import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DomainError } from '@auction/contracts';
import { AccessGuard } from '@auction/auth-guard';
import { LeagueAccessGuard, LeagueContext, RequireLeagueRole } from '../league-context/league-access.guard.js';
import type { ScoringContext, Breakdown, Leaderboard } from '@auction/contracts';
import { leaderboardCsv } from '@auction/scoring-domain';
import { LeaderboardQuery } from '../queries/leaderboard/leaderboard.query.js';
import { ManagerBreakdownQuery } from '../queries/manager-breakdown/manager-breakdown.query.js';

const userIdParam = z.uuid();

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('api/scoring/leagues/:leagueId')
@UseGuards(AccessGuard, LeagueAccessGuard)
export class LeaderboardController {
  constructor(
    private readonly leaderboardQuery: LeaderboardQuery,
    private readonly breakdownQuery: ManagerBreakdownQuery,
  ) {}

  /** Every manager ranked 1..n by points, then the sport's tie-breaks, lower spend, earlier join. */
  @Get('leaderboard')
  @RequireLeagueRole('member')
  leaderboard(@LeagueContext() context: ScoringContext): Promise<Leaderboard> {
    return this.leaderboardQuery.execute({ context });
  }

  /** The leaderboard as a spreadsheet: `rank,manager,userId,points,spent` and the sport's tie-break columns. */
  @Get('leaderboard.csv')
  @RequireLeagueRole('member')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="leaderboard.csv"')
  async leaderboardCsv(@LeagueContext() context: ScoringContext): Promise<string> {
    return leaderboardCsv(context.sport, await this.leaderboardQuery.execute({ context }));
  }

  /** A manager's points per match per asset; `total` equals their leaderboard points. */
  @Get('managers/:userId/breakdown')
  @RequireLeagueRole('member')
  breakdown(@LeagueContext() context: ScoringContext, @Param('userId') userId: string): Promise<Breakdown> {
    if (!userIdParam.safeParse(userId).success) throw new DomainError('NOT_FOUND', 'This person is not a manager of this league.');
    return this.breakdownQuery.execute({ context, userId });
  }
}
