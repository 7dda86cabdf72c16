import { describe, expect, it } from 'vitest';
import { invitationStatus } from './invitation-status.js';

const now = new Date('2026-12-01T12:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe('invitationStatus', () => {
  it('is pending before the expiry and expired from the expiry on', () => {
    expect(invitationStatus({ acceptedAt: null, expiresAt: at(1) }, now)).toBe('pending');
    expect(invitationStatus({ acceptedAt: null, expiresAt: at(0) }, now)).toBe('expired');
    expect(invitationStatus({ acceptedAt: null, expiresAt: at(-1) }, now)).toBe('expired');
  });

  it('is joined once accepted, whatever the expiry', () => {
    expect(invitationStatus({ acceptedAt: at(-5), expiresAt: at(-1) }, now)).toBe('joined');
    expect(invitationStatus({ acceptedAt: at(-5), expiresAt: at(1) }, now)).toBe('joined');
  });
});
