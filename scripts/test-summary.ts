/**
 * Sums the suites' results (test-results/*.json, Vitest's JSON reporter) into the
 * one line CI reads, last: `N passed, N failed, N skipped`.
 * - skipped counts skipped and todo tests (a test that did not run is never a pass);
 * - a test file that failed without a failed test of its own (it did not load or
 *   collect, or a hook threw) counts as one failure, and so does a report that
 *   cannot be read;
 * - a step that failed before its tests could report (the type check, the build)
 *   counts as one failure.
 * Usage: node --import tsx scripts/test-summary.ts <exit status of the test command>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const RESULTS_DIR = 'test-results';

/** The parts of a Vitest JSON report this reads. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { status: string }[];
  }[];
}

/** The sum over all reports, and the lines that say it (the last one is CI's). */
export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  lines: string[];
}

/**
 * Sums `reports` (by name: "unit", "e2e"; a string is a report that could not
 * be parsed). `status` is the exit status of the whole test command.
 */
export function summarise(reports: ReadonlyMap<string, VitestReport | string>, status: number): Summary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const lines: string[] = [];
  for (const [name, report] of reports) {
    if (typeof report === 'string') {
      lines.push(`${name}: the report could not be read (${report}): counted as one failed suite`);
      failed += 1;
      continue;
    }
    const brokenFiles = (report.testResults ?? []).filter(
      (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
    );
    const reportSkipped = report.numPendingTests + (report.numTodoTests ?? 0);
    passed += report.numPassedTests;
    failed += report.numFailedTests + brokenFiles.length;
    skipped += reportSkipped;
    lines.push(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles.length} failed, ${reportSkipped} skipped`);
    for (const file of brokenFiles) {
      lines.push(`  failed suite ${file.name}: ${(file.message ?? '').split('\n')[0] || 'it failed without a failed test'}`);
    }
  }
  if (status !== 0 && failed === 0) {
    lines.push('a step failed before its tests could report (type check or build): see above');
    failed += 1;
  }
  lines.push(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { passed, failed, skipped, lines };
}

/** Every report in `dir`, by name; unreadable ones as their error. */
export function readReports(dir: string = RESULTS_DIR): Map<string, VitestReport | string> {
  const reports = new Map<string, VitestReport | string>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch {
    // No results at all: nothing ran.
  }
  for (const file of files) {
    const name = file.replace(/\.json$/, '');
    try {
      reports.set(name, JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as VitestReport);
    } catch (error) {
      reports.set(name, error instanceof Error ? error.message : String(error));
    }
  }
  return reports;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { lines } = summarise(readReports(), Number(process.argv[2] ?? 0));
  for (const line of lines) console.log(line);
}
