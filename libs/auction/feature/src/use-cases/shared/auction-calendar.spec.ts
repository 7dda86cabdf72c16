import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { auctionCalendar } from './auction-calendar.js';

describe('auctionCalendar', () => {
  it('is an iCalendar whose single event starts at the auction start, with a stable UID', () => {
    const startsAt = new Date('2026-05-02T18:30:00.000Z');
    const text = auctionCalendar({
      auctionId: '6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f',
      leagueName: 'Club, "Sunday" league',
      startsAt,
      url: 'https://auction.example/auctions/6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f',
      sequence: 2,
      stamp: new Date('2026-05-01T10:00:00.000Z'),
    });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]!);
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    expect(event.uid).toBe('6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f@auctions');
    expect(event.summary).toBe('Club, "Sunday" league: live auction');
    expect(event.sequence).toBe(2);
  });
});
