import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MyCompetition } from '@auction/contracts';
import { AccessGuard, CurrentUser, type AuthUser } from '@auction/auth-guard';
import { MyCompetitionsQuery } from '../queries/my-competitions/my-competitions.query.js';

@ApiTags('leagues')
@ApiBearerAuth()
@UseGuards(AccessGuard)
@Controller('api/me')
export class MyCompetitionsController {
  constructor(private readonly competitions: MyCompetitionsQuery) {}

  @Get('competitions')
  async list(@CurrentUser() user: AuthUser): Promise<{ items: MyCompetition[] }> {
    return { items: await this.competitions.execute({ userId: user.id }) };
  }
}
