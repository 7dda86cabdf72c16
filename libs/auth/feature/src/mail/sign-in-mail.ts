import { plainText } from '@auction/contracts';
import type { SignInPurpose } from '../db/schema/index.js';
import type { Mail } from '@auction/platform';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const expiryFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });

export function signInMail(to: string, link: string, purpose: SignInPurpose | null, expiresAt: Date): Mail {
  // Names stored before the text rules cannot shape the subject or body: one plain line each.
  const invitation =
    purpose?.kind === 'league-invite'
      ? {
          leagueName: plainText(purpose.leagueName),
          commissionerName: purpose.commissionerName ? plainText(purpose.commissionerName) : null,
        }
      : null;
  const subject = invitation ? `You're invited to ${invitation.leagueName}` : 'Your sign-in link';
  const intro = invitation
    ? `${invitation.commissionerName ?? 'The commissioner'} invited you to join "${invitation.leagueName}", a fantasy auction league. Open this link to sign in and join:`
    : 'Open this link to sign in:';
  const footer = invitation
    ? `The link works once, until ${expiryFormat.format(expiresAt)} UTC; signing in on the site with this address by then also joins you. After that, ask ${invitation.commissionerName ?? 'the commissioner'} to send it again.`
    : 'The link works once and expires in 15 minutes. If you did not ask for it, ignore this mail.';
  return {
    to,
    subject,
    link,
    text: `${intro}\n\n${link}\n\n${footer}\n`,
    html: `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>${escapeHtml(footer)}</p>`,
  };
}
