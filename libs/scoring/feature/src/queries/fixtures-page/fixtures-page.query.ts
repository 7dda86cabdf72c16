import { Injectable } from '@nestjs/common';
import type { Fixture, Page } from '@auction/contracts';
import { decodeCursor, encodeCursor } from '../../fixtures/fixture-cursor.js';
import { FixturesRepository } from '../../fixtures/fixtures.repository.js';

export interface FixturesPageInput {
  leagueId: string;
  limit: number;
  cursor?: string;
}

/** `GET /api/scoring/leagues/:leagueId/fixtures`: the league's fixtures by start time, with status and result. */
@Injectable()
export class FixturesPageQuery {
  constructor(private readonly fixtures: FixturesRepository) {}

  async execute({ leagueId, limit, cursor }: FixturesPageInput): Promise<Page<Fixture>> {
    const items = await this.fixtures.page(leagueId, limit + 1, decodeCursor(cursor));
    const more = items.length > limit;
    const page = more ? items.slice(0, limit) : items;
    return { items: page, nextCursor: more ? encodeCursor(page.at(-1)!) : null };
  }
}
