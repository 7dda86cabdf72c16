import { expect } from 'vitest';
import type { TestSmtpServer, TestStack } from '@auction/testing';

/** Requests a link as a browser would, reads the real mail, and returns its token. */
export async function mailedToken(stack: TestStack, smtp: TestSmtpServer, email: string, ip?: string): Promise<string> {
  const headers = ip ? { 'x-forwarded-for': ip } : undefined;
  const answer = await stack.api.post('/api/auth/magic-link', { email }, { headers });
  expect(answer.status).toBe(202);
  const mail = await smtp.nextMail(email.trim().toLowerCase());
  return mail.token!;
}

export async function signIn(stack: TestStack, smtp: TestSmtpServer, email: string) {
  const token = await mailedToken(stack, smtp, email);
  const answer = await stack.api.post('/api/auth/verify-magic-link', { token });
  expect(answer.status).toBe(200);
  return answer.body as { accessToken: string; refreshToken: string; user: { id: string; email: string } };
}
