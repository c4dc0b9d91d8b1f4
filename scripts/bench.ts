/**
 * Runs every bench/*.bench.ts in turn (npm run bench), each as its own
 * `node --import tsx` process so one benchmark's warm-up and garbage do not
 * touch the next. Each script prints its own results.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = resolve(fileURLToPath(import.meta.url), '../../bench');

function main(): number {
  const files = readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.bench.ts'))
    .sort();
  let failures = 0;
  for (const name of files) {
    console.log(`\n== ${name}`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, name)], { stdio: 'inherit' });
    if (run.status !== 0) failures++;
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
