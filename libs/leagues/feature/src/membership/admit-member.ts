import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type LeagueMembership } from '@auction/contracts';
import { Transactor, type Database } from '@auction/db';
import { counter } from '@auction/observability';
import { CLOCK, type Clock } from '@auction/platform';
import { toMember, toMembership, type StoredLeague } from '../leagues/league.js';
import { requireLeague, requireOpen } from '../leagues/league-rules.js';
import { LeaguesRepository } from '../leagues/leagues.repository.js';
import { MembersRepository } from '../leagues/members.repository.js';
import { InvitationsRepository } from '../invitations/invitations.repository.js';
import { LobbyEvents } from './lobby-events.js';

const joins = counter('league_joins_total', 'League join attempts by route and outcome', ['via', 'outcome']);

export interface Newcomer {
  userId: string;
  /** Normalised (lower case). */
  email: string;
  displayName: string;
}

export interface AdmitMemberInput {
  leagueId: string;
  newcomer: Newcomer;
  /** How they got in: the league's invite token, or a mailed invitation to this address. */
  via: { kind: 'invite-token'; inviteToken: string } | { kind: 'invitation'; email: string };
}

export interface Admission {
  membership: LeagueMembership;
  /** False when they were already a member: no membership was added. */
  created: boolean;
  /** True when this admission accepted a mailed invitation of their address. */
  acceptedInvitation: boolean;
}

/**
 * Adds a manager to a league, once. The league row is locked for the check-and-insert, so
 * concurrent joins of one user make one membership, the capacity is never exceeded, and no
 * join slips in after the auction has started (the start locks the same row).
 */
@Injectable()
export class AdmitMember {
  constructor(
    private readonly transactor: Transactor,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly lobby: LobbyEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: AdmitMemberInput): Promise<Admission> {
    try {
      const admission = await this.transactor.run((db) => this.admit(db, input));
      joins.inc({ via: input.via.kind, outcome: admission.created ? 'joined' : 'already_member' });
      if (admission.created) {
        const { leagueId, ...member } = admission.membership;
        this.lobby.memberJoined(leagueId, member);
      }
      return admission;
    } catch (error) {
      if (error instanceof DomainError) joins.inc({ via: input.via.kind, outcome: error.code.toLowerCase() });
      throw error;
    }
  }

  private async admit(db: Database, input: AdmitMemberInput): Promise<Admission> {
    const { leagueId, newcomer, via } = input;
    const found = await this.leagues.findForUpdate(db, leagueId);
    // The token is checked again under the lock: a rotation that committed first wins.
    if (via.kind === 'invite-token' && found?.inviteToken !== via.inviteToken) throw unknownInvite();
    const league = requireLeague(found);
    const existing = await this.members.find(db, leagueId, newcomer.userId);
    if (existing) {
      const acceptedInvitation = await this.invitations.markAccepted(db, leagueId, newcomer.email, newcomer.userId, this.clock.now());
      return { membership: toMembership(existing), created: false, acceptedInvitation };
    }
    requireOpen(league);
    await this.assertRoom(db, league);
    const added = await this.members.add(db, { leagueId, ...newcomer, role: 'manager' });
    if (!added) {
      // Cannot happen under the league lock; if it ever does, the membership exists and that is the answer.
      const racer = await this.members.find(db, leagueId, newcomer.userId);
      if (racer) return { membership: toMembership(racer), created: false, acceptedInvitation: false };
      throw new Error(`membership of ${newcomer.userId} in ${leagueId} neither inserted nor found`);
    }
    // Whichever way they came in (the invite link or a mailed invitation), their invitation is accepted.
    const acceptedInvitation = await this.invitations.markAccepted(db, leagueId, newcomer.email, newcomer.userId, this.clock.now());
    return { membership: { leagueId, ...toMember(added) }, created: true, acceptedInvitation };
  }

  private async assertRoom(db: Database, league: StoredLeague): Promise<void> {
    const count = await this.members.count(db, league.id);
    if (count >= league.maxManagers) {
      throw new DomainError('LEAGUE_FULL', `This league is full: it already has its maximum of ${league.maxManagers} managers.`);
    }
  }
}

export function unknownInvite(): DomainError {
  return new DomainError('NOT_FOUND', 'This invite link is not valid. Ask the commissioner for the current one.');
}
