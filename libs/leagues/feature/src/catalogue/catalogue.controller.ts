import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assetsQuery, type Asset, type AssetsQuery, type Page, type Sport } from '@auction/contracts';
import { AccessGuard } from '@auction/auth-guard';
import { ApiZodQuery, ZodPipe } from '@auction/platform';
import { AssetsPageQuery } from '../queries/assets-page/assets-page.query.js';
import { SportsConfig } from './sports-config.js';

@ApiTags('catalogue')
@Controller('api')
export class CatalogueController {
  constructor(
    private readonly assetsPage: AssetsPageQuery,
    private readonly sports: SportsConfig,
  ) {}

  /** The enabled sports with their words ("Club"/"Clubs"), competitions and default settings. */
  @Get('sports')
  listSports(): { items: Sport[] } {
    return { items: this.sports.enabled };
  }

  @Get('assets')
  @UseGuards(AccessGuard)
  @ApiBearerAuth()
  @ApiZodQuery(assetsQuery)
  listAssets(@Query(new ZodPipe(assetsQuery)) query: AssetsQuery): Promise<Page<Asset>> {
    return this.assetsPage.execute(query);
  }
}
