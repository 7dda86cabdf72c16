import { Inject, Injectable } from '@nestjs/common';
import type { AuditEntry, AuditQuery, Page } from '@auction/contracts';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { AuditRepository } from '../../data/audit.repository.js';
import { AuctionMembershipQuery } from '../auction-membership/auction-membership.query.js';

export interface AuditPageInput extends AuditQuery {
  auctionId: string;
  userId: string;
}

/** A member's page of the auction's control actions, newest first. */
@Injectable()
export class AuditPageQuery {
  constructor(
    private readonly audit: AuditRepository,
    private readonly membership: AuctionMembershipQuery,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async execute({ auctionId, userId, limit, cursor }: AuditPageInput): Promise<Page<AuditEntry>> {
    await this.membership.execute({ auctionId, userId });
    const items = await this.audit.page(this.database.db, auctionId, { limit: limit + 1, beforeSeq: cursor });
    const page = items.slice(0, limit);
    return { items: page, nextCursor: items.length > limit ? String(page.at(-1)!.seq) : null };
  }
}
