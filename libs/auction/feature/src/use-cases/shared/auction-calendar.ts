import ical, { ICalCalendarMethod } from 'ical-generator';

export interface AuctionCalendarEvent {
  auctionId: string;
  leagueName: string;
  startsAt: Date;
  url: string;
  /** Raised on every reschedule so calendars replace the earlier copy of the same event (one UID per auction). */
  sequence: number;
  stamp: Date;
}

/** How long the calendar entry lasts: a typical room, not a promise. */
const EVENT_MINUTES = 60;

/** The `.ics` attached to the schedule and reschedule mails: one event, DTSTART = the auction's start (UTC). */
export function auctionCalendar(event: AuctionCalendarEvent): string {
  const calendar = ical({
    prodId: { company: 'auction-platform', product: 'auctions', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `${event.auctionId}@auctions`,
    start: event.startsAt,
    end: new Date(event.startsAt.getTime() + EVENT_MINUTES * 60_000),
    stamp: event.stamp,
    sequence: event.sequence,
    summary: `${event.leagueName}: live auction`,
    description: `The auction of ${event.leagueName} starts. Join the room: ${event.url}`,
    url: event.url,
  });
  return calendar.toString();
}
