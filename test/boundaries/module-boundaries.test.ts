import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Each boundary rule of eslint.config.mjs fed a forbidden import: the lint must refuse it, and an
 * allowed import must pass. The fixture files are virtual (linted as text at a path inside the
 * project they would belong to), so the tree itself never holds a forbidden import.
 */
const BOUNDARY_RULE = '@nx/enforce-module-boundaries';

let eslint: ESLint;

beforeAll(() => {
  // The boundary rule reads the cached project graph, as `npm run lint` makes it first.
  execFileSync('node_modules/.bin/nx', ['show', 'projects'], {
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
    stdio: 'ignore',
  });
  eslint = new ESLint({ cwd: process.cwd() });
});

async function lintFixture(filePath: string, source: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const messages = await lintFixture(filePath, source);
  return messages.filter((m) => m.ruleId === BOUNDARY_RULE).map((m) => m.message);
}

describe('module boundaries', () => {
  it('keeps Node libs out of the web client', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/boundary-fixture.ts',
      "import { freePort } from '@auction/db';\nexport const port = freePort;\n",
    );
    expect(errors).toEqual([expect.stringMatching(/"runtime:browser" can only depend on libs tagged with "runtime:universal"/)]);
  });

  it('keeps test tooling out of app code', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/boundary-fixture.ts',
      "import { startCluster } from '@auction/cluster';\nexport const start = startCluster;\n",
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /"type:app" can only depend on libs tagged with "type:feature", "type:domain", "type:infrastructure", "type:util"/,
      ),
    ]);
  });

  it('keeps Node-only packages out of the web client', async () => {
    const errors = await boundaryErrors('apps/web/src/boundary-fixture.ts', "import pino from 'pino';\nexport const log = pino();\n");
    expect(errors).toEqual(['A project tagged with "runtime:browser" is not allowed to import "pino"']);
  });

  it('keeps infrastructure out of domain libs', async () => {
    const errors = await boundaryErrors(
      'libs/leagues/domain/src/boundary-fixture.ts',
      "import { DATABASE } from '@auction/platform';\nexport const token = DATABASE;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/"type:domain" can only depend on libs tagged with "type:domain", "type:util"/);
  });

  it("keeps a service's feature lib from importing another service's feature lib", async () => {
    const errors = await boundaryErrors(
      'libs/auction/feature/src/boundary-fixture.ts',
      "import { leaguesService } from '@auction/leagues';\nexport const service = leaguesService;\n",
    );
    // Reported as a boundary breach, not as a circular dependency, since no feature lib depends on another.
    expect(errors).toEqual([expect.stringMatching(/"scope:auction" can only depend on libs tagged with "scope:auction", "scope:shared"/)]);
  });

  it("keeps a feature lib's own tests from starting another service", async () => {
    const errors = await boundaryErrors(
      'libs/leagues/feature/test/boundary-fixture.test.ts',
      "import { scoringService } from '@auction/scoring';\nimport { startTestStack } from '@auction/testing';\nexport const used = [scoringService, startTestStack];\n",
    );
    expect(errors).toEqual([expect.stringMatching(/"scope:leagues" can only depend on libs tagged with "scope:leagues", "scope:shared"/)]);
  });

  it('keeps Node built-ins out of code that also runs in the browser', async () => {
    const messages = await lintFixture(
      'libs/auction/domain/src/boundary-fixture.ts',
      "import { randomUUID } from 'node:crypto';\nexport const id = randomUUID();\n",
    );
    expect(messages).toEqual([
      expect.objectContaining({ ruleId: 'no-restricted-imports', message: expect.stringContaining('no Node built-ins') }),
    ]);
  });

  it('lets the web client use contracts and the framework-free domain rules', async () => {
    const messages = await lintFixture(
      'apps/web/src/boundary-fixture.ts',
      [
        "import { minimumNextBid } from '@auction/auction-domain';",
        "import { checkNumbers, LEAGUE_LIMITS } from '@auction/contracts';",
        "import { scrubEvent } from '@auction/observability/scrub';",
        'export const used = [minimumNextBid, checkNumbers, LEAGUE_LIMITS, scrubEvent];',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });

  it('lets a feature lib use its own domain, infrastructure and contracts', async () => {
    const messages = await lintFixture(
      'libs/auction/feature/src/boundary-fixture.ts',
      [
        "import { checkBid } from '@auction/auction-domain';",
        "import { DomainError } from '@auction/contracts';",
        "import { Transactor } from '@auction/db';",
        "import { RealtimePublisher } from '@auction/realtime';",
        'export const used = [checkBid, DomainError, Transactor, RealtimePublisher];',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });
});
