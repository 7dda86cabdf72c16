import { describe, expect, it } from 'vitest';
import { runProcess } from '@auction/testing';

/** A bad configuration stops the process at start with a message naming each bad variable. */
describe('configuration at start', () => {
  it.each(['apps/auth/dist/main.js', 'apps/leagues/dist/main.js', 'apps/auction-engine/dist/main.js', 'apps/scoring/dist/main.js'])(
    '%s refuses cluster mode without its database, Redis and secret',
    async (main) => {
      const { code, output } = await runProcess(main, { DATABASE_URL: '', REDIS_URL: '', JWT_SECRET: '', PORT: '' });
      expect(code).toBe(78);
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) expect(output).toContain(`${name}: required`);
    },
  );

  it('names a malformed value', async () => {
    const { code, output } = await runProcess('apps/auth/dist/main.js', {
      DATABASE_URL: 'postgres://localhost/x',
      REDIS_URL: 'redis://localhost',
      JWT_SECRET: 'x'.repeat(40),
      PORT: 'eighty',
      RATE_LIMITS: 'sometimes',
    });
    expect(code).toBe(78);
    expect(output).toMatch(/PORT: /);
    expect(output).toMatch(/RATE_LIMITS: /);
    expect(output).not.toContain('x'.repeat(40));
  });

  it('refuses production standalone without JWT_SECRET', async () => {
    const { code, output } = await runProcess('apps/standalone/dist/main.js', {
      NODE_ENV: 'production',
      JWT_SECRET: '',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    });
    expect(code).toBe(78);
    expect(output).toContain('JWT_SECRET: required in production');
  });
});
