import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type InvitationReport, type InvitationRow } from '@auction/contracts';
import type { AuthUser } from '@auction/auth-guard';
import { parseInvitationsCsv, type InvitationCsvRow } from '@auction/leagues-domain';
import { Transactor, type DatabaseHandle } from '@auction/db';
import { DATABASE } from '@auction/platform';
import { requireCommissioner, requireLeague, requireOpen } from '../../leagues/league-rules.js';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';
import { MembersRepository } from '../../leagues/members.repository.js';
import { LeagueLimits } from '../../league-limits.js';
import { InvitationMail } from '../../invitations/invitation-mail.js';
import { InvitationsRepository } from '../../invitations/invitations.repository.js';

export interface SendInvitationsInput {
  actor: AuthUser;
  leagueId: string;
  /** The uploaded file: the header `email`, then one address a line. */
  csv: string;
}

/**
 * `POST /api/leagues/:id/invitations` (text/csv, header `email`). All or nothing: a file with
 * any bad line sends nothing and lists every bad line. Otherwise each address not yet invited
 * and not yet a member gets a sign-in link that also joins the league (mailed by auth); the
 * invitations are recorded in the same transaction as the call, so a failed call records none
 * and a re-upload never mails anyone twice (sending again is `.../invitations/resend`).
 */
@Injectable()
export class SendInvitationsUseCase {
  constructor(
    private readonly transactor: Transactor,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly leagues: LeaguesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly mail: InvitationMail,
    private readonly limits: LeagueLimits,
  ) {}

  async execute({ actor, leagueId, csv }: SendInvitationsInput): Promise<InvitationReport> {
    const league = requireLeague(await this.leagues.findById(this.database.db, leagueId));
    const commissioner = requireCommissioner(league, await this.members.find(this.database.db, leagueId, actor.id));
    requireOpen(league);

    const { rows, errors } = parseInvitationsCsv(csv);
    if (errors.length > 0) {
      throw new DomainError('CSV_INVALID', `The file has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nobody was invited.`, {
        errors,
      });
    }

    return this.transactor.run(async (db) => {
      const emails = rows.map((row) => row.email);
      const memberEmails = await this.members.emailsIn(db, leagueId, emails);
      const window = this.mail.newWindow();
      const sent = await this.invitations.insertNew(
        db,
        leagueId,
        emails.filter((email) => !memberEmails.has(email)),
        actor.id,
        window,
      );
      if (sent.size > 0) {
        await this.limits.leagueMail.consumeAll(leagueId, sent.size);
        await this.limits.invitations.consume(actor.id, sent.size);
        await this.mail.send({ league, commissionerName: commissioner.displayName, emails: [...sent], window });
      }
      return reportOf(rows, memberEmails, sent);
    });
  }
}

function reportOf(rows: readonly InvitationCsvRow[], memberEmails: ReadonlySet<string>, sent: ReadonlySet<string>): InvitationReport {
  const entries: InvitationRow[] = rows.map(({ line, email }) => ({
    line,
    email,
    status: memberEmails.has(email) ? 'already_member' : sent.has(email) ? 'sent' : 'already_sent',
  }));
  const sentCount = entries.filter((entry) => entry.status === 'sent').length;
  return { sent: sentCount, skipped: entries.length - sentCount, errors: [], rows: entries };
}
