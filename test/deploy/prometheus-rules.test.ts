import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ALERT_GROUPS } from '@auction/cluster';
import { PROMTOOL, REPO_ROOT, tool } from '../support/tools.js';

/**
 * The alert rules with the real promtool: `check rules`, and `test rules` with
 * ops/prometheus/alerts.test.yml, in which every alert fires on the series it is for and stays
 * quiet on healthy ones. promtool compares annotations too; the test gives it a copy of the
 * rules without them, so the expectations are about expressions, durations and labels.
 */
const RULES = join(REPO_ROOT, 'ops/prometheus/alerts.yml');
const TESTS = join(REPO_ROOT, 'ops/prometheus/alerts.test.yml');
const work = mkdtempSync(join(tmpdir(), 'promtool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function promtool(...args: string[]): { code: number | null; output: string } {
  const result = spawnSync(tool(PROMTOOL), args, { encoding: 'utf8', cwd: work });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Runs alerts.test.yml against the rules, after `change` edits a copy of them; annotations left out. */
function testRules(change: (rules: any) => void = () => {}): { code: number | null; output: string } {
  const rules = parse(readFileSync(RULES, 'utf8'));
  for (const group of rules.groups) for (const rule of group.rules) delete rule.annotations;
  change(rules);
  writeFileSync(join(work, 'alerts.yml'), stringify(rules));
  writeFileSync(join(work, 'alerts.test.yml'), readFileSync(TESTS, 'utf8'));
  return promtool('test', 'rules', 'alerts.test.yml');
}

describe('ops/prometheus/alerts.yml', () => {
  it('passes promtool check rules', () => {
    const check = promtool('check', 'rules', RULES);
    expect(check.output).toContain(`SUCCESS: ${ALERT_GROUPS.flatMap((g) => g.rules).length} rules found`);
    expect(check.code).toBe(0);
  });

  it('passes promtool test rules', () => {
    const run = testRules();
    expect(run.output).toContain('SUCCESS');
    expect(run.code, run.output).toBe(0);
  });

  it('has, for every alert, a case where it fires and a case where it stays quiet', () => {
    const cases = parse(readFileSync(TESTS, 'utf8')).tests.flatMap((t: any) => t.alert_rule_test);
    for (const { alert } of ALERT_GROUPS.flatMap((g) => g.rules)) {
      const mine = cases.filter((c: any) => c.alertname === alert);
      expect(
        mine.some((c: any) => c.exp_alerts.length > 0),
        `${alert} fires`,
      ).toBe(true);
      expect(
        mine.some((c: any) => c.exp_alerts.length === 0),
        `${alert} quiet`,
      ).toBe(true);
    }
  });

  it('fails the unit tests when an alert no longer fires on its series', () => {
    const run = testRules((rules) => {
      const lag = rules.groups.flatMap((g: any) => g.rules).find((r: any) => r.alert === 'AuctionLotCloseLag');
      lag.expr = lag.expr.replace(/> 0$/, '> 5');
    });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('alertname: AuctionLotCloseLag');
  });
});
