import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authService } from '@auction/auth';
import { startTestStack, type TestStack } from '@auction/testing';

/** Everything this process writes to stdout while `work` runs (the console is where links were printed). */
async function consoleDuring(work: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    written.push(String(chunk));
    return original(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = original;
  }
  return written.join('');
}

describe('the local outbox (no SMTP_URL)', () => {
  let stack: TestStack;

  afterEach(async () => {
    await stack.close();
  });

  async function start(nodeEnv: 'development' | 'production'): Promise<TestStack> {
    stack = await startTestStack({ services: [authService], env: { NODE_ENV: nodeEnv, LOG_LEVEL: 'silent' } });
    return stack;
  }

  /** Mails handed to the outbox so far, from this process's metrics (counted once a mail is fully written and announced). */
  async function mailsSent(): Promise<number> {
    const metrics: string = (await stack.api.get('/metrics')).body;
    return Number(metrics.match(/^mails_sent_total\{result="sent"\} (\d+)/m)?.[1] ?? 0);
  }

  /** Requests a link and waits until the mailer is done with it (the mail is written in the background). */
  async function mailToOutbox(email: string): Promise<{ file: string; output: string }> {
    const outbox = join(stack.runtime.config.dataDir, 'outbox');
    const before = await mailsSent();
    const output = await consoleDuring(async () => {
      expect((await stack.api.post('/api/auth/magic-link', { email })).status).toBe(202);
      await expect.poll(mailsSent, { timeout: 10_000 }).toBe(before + 1);
    });
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    return { file: join(outbox, files[0]!), output };
  }

  it('writes each mail readable by its owner only and prints the link in development', async () => {
    await start('development');
    const { file, output } = await mailToOutbox('dev@club.test');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(stack.runtime.config.dataDir, 'outbox')).mode & 0o777).toBe(0o700);
    expect(output).toContain('Sign-in link for dev@club.test');
  });

  it('keeps the mail but never prints the link in production', async () => {
    await start('production');
    const { file, output } = await mailToOutbox('prod@club.test');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, 'utf8').match(/token=([A-Za-z0-9_-]+)/)![1]!;
    expect(output).not.toContain('Sign-in link');
    expect(output).not.toContain(token);
  });
});
