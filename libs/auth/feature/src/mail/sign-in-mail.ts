import type { SignInPurpose } from '../db/schema/index.js';
import type { Mail } from '@auction/platform';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function signInMail(to: string, link: string, purpose: SignInPurpose | null): Mail {
  const invitation = purpose?.kind === 'league-invite' ? purpose.leagueName : null;
  const subject = invitation ? `You're invited to ${invitation}` : 'Your sign-in link';
  const intro = invitation
    ? `You have been invited to join "${invitation}". Open this link to sign in and join:`
    : 'Open this link to sign in:';
  const footer = 'The link works once and expires in 15 minutes. If you did not ask for it, ignore this mail.';
  return {
    to,
    subject,
    link,
    text: `${intro}\n\n${link}\n\n${footer}\n`,
    html: `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>${escapeHtml(footer)}</p>`,
  };
}
