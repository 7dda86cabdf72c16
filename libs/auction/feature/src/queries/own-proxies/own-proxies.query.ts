import { Inject, Injectable } from '@nestjs/common';
import type { OwnProxies } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { ProxiesRepository } from '../../data/proxies.repository.js';
import { AuctionMembershipQuery } from '../auction-membership/auction-membership.query.js';

export interface OwnProxiesInput {
  auctionId: string;
  userId: string;
}

/** `GET /api/auctions/:id/proxies`: the caller's own proxies, never anyone else's. */
@Injectable()
export class OwnProxiesQuery {
  constructor(
    private readonly proxies: ProxiesRepository,
    private readonly membership: AuctionMembershipQuery,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async execute({ auctionId, userId }: OwnProxiesInput): Promise<OwnProxies> {
    await this.membership.execute({ auctionId, userId });
    return { items: await this.proxies.own(this.database.db, auctionId, userId) };
  }
}
