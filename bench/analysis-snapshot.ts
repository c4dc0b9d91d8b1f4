/**
 * Everything analyze() returns for every page of ../shared/corpus and
 * ../shared/pages (and the seed article at the benchmark's sizes), in one JSON
 * file: run it before and after a change that must not change any result
 * (a speed-up) and diff the two files.
 *
 *   node --import tsx bench/analysis-snapshot.ts OUT.json
 *
 * Each text is analysed the ways its callers analyse it: in full (the CLI, the
 * scorer), with every kind wanted and with each kind switched off (the reader),
 * and forced. The extracted texts are cached beside OUT.json (OUT.texts.json)
 * so a second run skips the HTML extraction; the cache is never in the repository.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../lib/analysis/index';
import type { AnalysisInput } from '../lib/analysis/index';
import { ALL_KINDS } from '../lib/model/kinds';
import { loadArticle } from '../scripts/analyze';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const SHARED = resolve(REPO_ROOT, '../shared');
const SEED = join(REPO_ROOT, 'tests/unit/analysis/fixtures/seed.txt');
/** The benchmark's sizes, built from the seed as bench/analysis.bench.ts builds them. */
const SIZES = [5_000, 20_000, 100_000];

/** The seed repeated to `size` characters, every other copy with one word varied (as the benchmark does). */
export function seedArticle(size: number): string {
  const seed = readFileSync(SEED, 'utf8');
  const parts: string[] = [];
  let length = 0;
  for (let copy = 0; length < size; copy++) {
    const part = `${seed.replace(/创先争优/g, copy % 2 === 0 ? '创先争优' : '争先创优')}\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

/** Every corpus and pages article (`dirs`), extracted as the CLI extracts it; cached in `cache` when given. */
export function sharedArticles(cache?: string, dirs: readonly string[] = ['corpus', 'pages']): Record<string, AnalysisInput> {
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Record<string, AnalysisInput>;
  const texts: Record<string, AnalysisInput> = {};
  for (const dir of dirs) {
    const path = join(SHARED, dir);
    if (!existsSync(path)) continue;
    for (const file of readdirSync(path).filter((f) => /\.(html|txt)$/.test(f)).sort()) texts[`${dir}/${file}`] = loadArticle(join(path, file));
  }
  if (cache) writeFileSync(cache, JSON.stringify(texts));
  return texts;
}

function main(): void {
  const out = process.argv[2];
  if (!out) throw new Error('usage: analysis-snapshot.ts OUT.json');
  const texts: Record<string, AnalysisInput> = { seed: { text: readFileSync(SEED, 'utf8') } };
  for (const size of SIZES) texts[`seed-${size}`] = { text: seedArticle(size) };
  Object.assign(texts, sharedArticles(out.replace(/\.json$/, '') + '.texts.json'));
  const result: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(texts)) {
    result[name] = {
      full: analyze(input),
      wanted: analyze({ ...input, wanted: new Set(ALL_KINDS) }),
      off: ALL_KINDS.map((off) => analyze({ ...input, wanted: new Set(ALL_KINDS.filter((k) => k !== off)) })),
      forced: analyze({ ...input, force: true, wanted: new Set(ALL_KINDS) }),
    };
  }
  writeFileSync(out, JSON.stringify(result, null, 1));
  console.log(`${Object.keys(result).length} texts → ${out}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
