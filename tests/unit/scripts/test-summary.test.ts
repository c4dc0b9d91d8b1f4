/**
 * The CI summary line (scripts/test-summary.ts): `N passed, N failed, N skipped`,
 * where skipped and todo tests are counted as skipped, and a test file that
 * does not load, an unreadable report, or a failed step before the tests (type
 * check, build) counts as failed. The first test sums a real Vitest JSON report
 * of a throwaway project written here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readReports, summarise, type VitestReport } from '../../../scripts/test-summary';

const dir = mkdtempSync(join(tmpdir(), 'yandu-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs Vitest on `files` in a project of their own, with the JSON reporter, into dir/results/NAME.json. */
function runVitest(name: string, files: Record<string, string>): void {
  const root = join(dir, name);
  execFileSync('mkdir', ['-p', root, join(dir, 'results')]);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
  writeFileSync(join(root, 'vitest.config.mjs'), "export default { test: { include: ['*.test.mjs'] } };\n");
  try {
    execFileSync(
      process.execPath,
      [resolve('node_modules/vitest/vitest.mjs'), 'run', '--root', root, '--config', join(root, 'vitest.config.mjs'),
        '--reporter=json', `--outputFile.json=${join(dir, 'results', `${name}.json`)}`],
      { stdio: 'ignore' },
    );
  } catch {
    // Failing tests exit with 1: expected here.
  }
}

describe('the test summary', () => {
  test('a real report: passes, failures, skipped and todo tests, and a file that does not load', { timeout: 60_000 }, () => {
    runVitest('unit', {
      'mixed.test.mjs': [
        "import { test, expect } from 'vitest';",
        "test('passes', () => expect(1).toBe(1));",
        "test('passes too', () => expect(2).toBe(2));",
        "test('fails', () => expect(1).toBe(2));",
        "test.skip('is skipped', () => {});",
        "test.todo('is to do');",
      ].join('\n'),
      'broken.test.mjs': "import './no-such-module.mjs';\nimport { test } from 'vitest';\ntest('never collected', () => {});\n",
    });
    const summary = summarise(readReports(join(dir, 'results')), 1);
    expect(summary.lines.at(-1)).toBe('2 passed, 2 failed, 2 skipped');
    expect(summary.lines.some((line) => line.includes('failed suite') && line.includes('broken.test.mjs'))).toBe(true);
  });

  const green: VitestReport = { numPassedTests: 5, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] };

  test('all green: nothing failed', () => {
    expect(summarise(new Map([['unit', green]]), 0).lines.at(-1)).toBe('5 passed, 0 failed, 0 skipped');
  });

  test('a failed type check (no report at all) counts as failed', () => {
    expect(summarise(new Map(), 2).lines.at(-1)).toBe('0 passed, 1 failed, 0 skipped');
  });

  test('a failed build after a green unit run counts as failed', () => {
    expect(summarise(new Map([['unit', green]]), 1).lines.at(-1)).toBe('5 passed, 1 failed, 0 skipped');
  });

  test('a report that cannot be read counts as a failed suite', () => {
    writeFileSync(join(dir, 'e2e-broken.json'), '{"numPassedTests": 3,');
    const reports = readReports(dir);
    expect(typeof reports.get('e2e-broken')).toBe('string');
    expect(summarise(new Map([['unit', green], ['e2e', reports.get('e2e-broken')!]]), 1).lines.at(-1)).toBe(
      '5 passed, 1 failed, 0 skipped',
    );
  });

  test('a file whose hook threw, with its tests skipped, counts as one failure besides the skips', () => {
    const report: VitestReport = {
      numPassedTests: 0,
      numFailedTests: 0,
      numPendingTests: 3,
      testResults: [{ name: 'tests/e2e/x.e2e.ts', status: 'failed', message: 'Hook timed out', assertionResults: [{ status: 'skipped' }] }],
    };
    expect(summarise(new Map([['e2e', report]]), 1).lines.at(-1)).toBe('0 passed, 1 failed, 3 skipped');
  });
});
