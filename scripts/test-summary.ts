/**
 * Sums the suites' results (test-results/*.json, Vitest's JSON reporter) into the
 * one line CI reads: `N passed, N failed`. A step that failed before its tests
 * could report (the type check, the build) counts as one failure.
 * Usage: node --import tsx scripts/test-summary.ts <exit status of the test command>
 */
import { readdirSync, readFileSync } from 'node:fs';

const RESULTS_DIR = 'test-results';
const status = Number(process.argv[2] ?? 0);

let passed = 0;
let failed = 0;
let files: string[] = [];
try {
  files = readdirSync(RESULTS_DIR).filter((name) => name.endsWith('.json'));
} catch {
  // No results at all: nothing ran.
}
for (const name of files) {
  const report = JSON.parse(readFileSync(`${RESULTS_DIR}/${name}`, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  console.log(`${name.replace(/\.json$/, '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
if (status !== 0 && failed === 0) {
  console.log('a step failed before its tests could report (type check or build): see above');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
