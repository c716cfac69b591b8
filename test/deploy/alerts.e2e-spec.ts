import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';

// promtool (Debian's `prometheus` package, installed by scripts/test-prereqs.sh) checks the
// PrometheusRule's groups and runs their unit tests.
const run = promisify(execFile);
const RULES = 'deploy/components/monitoring/alerts.yaml';
const TESTS = 'test/deploy/alerts.promtool.yaml';

interface RuleGroups {
  groups: Array<{ rules: Array<{ alert?: string }> }>;
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alerts-'));
  const rule = parse(await readFile(RULES, 'utf8')) as { spec: RuleGroups };
  await writeFile(join(dir, 'rules.yaml'), stringify({ groups: rule.spec.groups }));
  await copyFile(TESTS, join(dir, 'tests.yaml'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the PrometheusRule', () => {
  it('passes promtool check rules', async () => {
    const { stdout } = await run('promtool', ['check', 'rules', 'rules.yaml'], { cwd: dir });
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('passes its promtool unit tests', async () => {
    const { stdout } = await run('promtool', ['test', 'rules', 'tests.yaml'], { cwd: dir });
    expect(stdout).toMatch(/SUCCESS/);
  });

  it('has a unit test for every alert, the apps own health among them', async () => {
    const rule = parse(await readFile(RULES, 'utf8')) as { spec: RuleGroups };
    const alerts = rule.spec.groups.flatMap((g) => g.rules.map((r) => r.alert));
    const tests = parse(await readFile(TESTS, 'utf8')) as {
      tests: Array<{ alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }> }>;
    };
    const fired = new Set(
      tests.tests
        .flatMap((t) => t.alert_rule_test)
        .filter((t) => t.exp_alerts.length > 0)
        .map((t) => t.alertname),
    );
    for (const alert of alerts) expect(fired, `${alert} has no firing test`).toContain(alert);
    expect(alerts).toEqual(
      expect.arrayContaining([
        'ChatAppDown',
        'ChatAppNotReady',
        'ChatErrorRateHigh',
        'ChatAnswersSlow',
        'LlmCircuitOpen',
      ]),
    );
  });
});
