import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The monitoring files checked with Debian's promtool, as an operator would. */
describe('monitoring/ with promtool', () => {
  const promtool = (...args: string[]): string =>
    execFileSync('/usr/bin/promtool', args, { cwd: 'monitoring', encoding: 'utf8', stdio: 'pipe' });

  it('accepts prometheus.yml', () => {
    expect(promtool('check', 'config', 'prometheus.yml')).toMatch(/SUCCESS/);
  });

  it('accepts the alert rules', () => {
    expect(promtool('check', 'rules', 'alert-rules.yml')).toMatch(/SUCCESS: 4 rules found/);
  });

  it('passes the alert rule unit tests', () => {
    expect(promtool('test', 'rules', 'alert-rules.test.yml')).toMatch(/SUCCESS/);
  });
});
