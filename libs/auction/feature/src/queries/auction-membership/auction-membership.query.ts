import { Inject, Injectable } from '@nestjs/common';
import type { DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { AuctionsRepository } from '../../data/auctions.repository.js';
import { notAMember, notFound } from '../shared/membership.js';

export interface AuctionMembershipInput {
  auctionId: string;
  userId: string;
}

/** Refuses with NOT_FOUND or NOT_A_MEMBER; cheaper than a snapshot (two indexed reads). */
@Injectable()
export class AuctionMembershipQuery {
  constructor(
    private readonly auctions: AuctionsRepository,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async execute({ auctionId, userId }: AuctionMembershipInput): Promise<void> {
    const db = this.database.db;
    if (!(await this.auctions.findById(db, auctionId))) throw notFound();
    if (!(await this.auctions.manager(db, auctionId, userId))) throw notAMember();
  }
}
