import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@auction/config';
import type { LeagueMailRecipients } from '@auction/contracts';
import { reminderDue } from '@auction/auction-domain';
import type { Logger } from '@auction/observability';
import { APP_CONFIG, CLOCK, LOGGER, Mailer, type Clock, type Mail } from '@auction/platform';
import { LeaguesClient } from '../../data/leagues.client.js';
import type { Auction } from '../../model/auction-state.js';
import { auctionCalendar } from './auction-calendar.js';

type Kind = 'scheduled' | 'rescheduled' | 'reminder';

/**
 * Mails about a scheduled auction to every member of its league. Addresses come from the
 * leagues service (`mail-recipients`), never from our tables. Sent in the background after the
 * change committed: a mail that fails is logged, the answer and the schedule stand.
 */
@Injectable()
export class ScheduleMails {
  constructor(
    private readonly leagues: LeaguesClient,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Whether the start is within the reminder's lead time (`AUCTION_REMINDER_MINUTES`). */
  reminderDue(startsAt: Date, now: Date): boolean {
    return reminderDue(startsAt, now, this.config.auctionReminderMinutes);
  }

  scheduled(auction: Auction): void {
    void this.send(auction, 'scheduled');
  }

  rescheduled(auction: Auction): void {
    void this.send(auction, 'rescheduled');
  }

  reminder(auction: Auction): Promise<void> {
    return this.send(auction, 'reminder');
  }

  private async send(auction: Auction, kind: Kind): Promise<void> {
    try {
      const recipients = await this.leagues.mailRecipients(auction.leagueId);
      await Promise.all(recipients.members.map((member) => this.mailer.send(this.mailFor(auction, recipients, member.email, kind))));
    } catch (error) {
      this.logger.error({ auctionId: auction.id, kind, err: (error as Error).message }, 'auction schedule mails not sent');
    }
  }

  private mailFor(auction: Auction, recipients: LeagueMailRecipients, to: string, kind: Kind): Mail {
    const startsAt = auction.startsAt!;
    const url = `${this.config.publicUrl}/auctions/${auction.id}`;
    const when = formatStart(startsAt);
    const league = recipients.name;
    const subject = {
      scheduled: `${league}: the auction starts ${when}`,
      rescheduled: `${league}: the auction moved to ${when}`,
      reminder: `${league}: the auction starts in ${this.config.auctionReminderMinutes} minutes`,
    }[kind];
    const lead = {
      scheduled: `The auction of ${league} is scheduled for ${when}.`,
      rescheduled: `The auction of ${league} has moved. It now starts ${when}.`,
      reminder: `The auction of ${league} starts ${when}, in ${this.config.auctionReminderMinutes} minutes.`,
    }[kind];
    const text = `${lead}\n\nThe first lot opens shortly after the start. Join the room here:\n${url}\n`;
    const html = `<p>${escapeHtml(lead)}</p><p>The first lot opens shortly after the start.</p><p><a href="${escapeHtml(url)}">Enter the auction room</a></p>`;
    const calendar =
      kind === 'reminder'
        ? []
        : [
            {
              filename: 'auction.ics',
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              content: auctionCalendar({
                auctionId: auction.id,
                leagueName: league,
                startsAt,
                url,
                sequence: auction.seq,
                stamp: this.clock.now(),
              }),
            },
          ];
    return { to, subject, text, html, link: url, linkLabel: 'Auction room', attachments: calendar };
  }
}

/** The time in UTC, unambiguous in any mail client; the calendar entry shows it in the reader's zone. */
function formatStart(startsAt: Date): string {
  const date = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(startsAt);
  return `on ${date} UTC`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
