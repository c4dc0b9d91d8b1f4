/**
 * The corpus scorer (DESIGN.md "Corpus scorer"):
 *
 *   npm run eval [-- DIR] [--verbose]
 *
 * Analyses the article beside every *.gold.json in DIR (default ../shared/corpus
 * from the repository root) exactly as `npm run analyze` does, scores it by
 * LABELING.md's rules (lib/analysis/score.ts) and prints precision and recall
 * per kind over the policy articles, and isPolicy accuracy over all of them.
 * --verbose adds each file's misses and extras.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../lib/analysis/index';
import type { ItemKind } from '../lib/analysis/index';
import { precisionRecall, scoreFile } from '../lib/analysis/score';
import type { FileScore, Gold, KindScore } from '../lib/analysis/score';
import { loadArticle } from './analyze';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const DEFAULT_CORPUS = resolve(REPO_ROOT, '../shared/corpus');
const KINDS: readonly ItemKind[] = ['directive', 'lead', 'slogan', 'parallel'];

function pct(x: number): string {
  return x.toFixed(3);
}

function sum(scores: readonly FileScore[], kind: ItemKind): KindScore {
  const total: KindScore = { truePositives: 0, falsePositives: 0, falseNegatives: 0, misses: [], extras: [] };
  for (const s of scores) {
    total.truePositives += s.kinds[kind].truePositives;
    total.falsePositives += s.kinds[kind].falsePositives;
    total.falseNegatives += s.kinds[kind].falseNegatives;
  }
  return total;
}

function main(argv: readonly string[]): number {
  const verbose = argv.includes('--verbose');
  const dir = resolve(argv.find((arg) => !arg.startsWith('--')) ?? DEFAULT_CORPUS);
  if (!existsSync(dir)) {
    console.log(`eval: no corpus at ${dir} — nothing to score.`);
    return 0;
  }
  const goldFiles = readdirSync(dir)
    .filter((name) => name.endsWith('.gold.json'))
    .sort();
  if (goldFiles.length === 0) {
    console.log(`eval: no *.gold.json files in ${dir} — nothing to score.`);
    return 0;
  }
  const scores: FileScore[] = [];
  for (const name of goldFiles) {
    const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Gold;
    const input = loadArticle(join(dir, gold.file));
    const analysis = analyze(input);
    const score = scoreFile(gold, analysis, input.text);
    scores.push(score);
    if (!verbose) continue;
    const notes: string[] = [];
    if (!score.policyCorrect) notes.push(`  isPolicy: expected ${gold.isPolicy}, got ${analysis.isPolicy} (score ${analysis.score.toFixed(2)})`);
    if (score.marksOnNonPolicy > 0) notes.push(`  ${score.marksOnNonPolicy} marks on a non-policy article`);
    for (const kind of KINDS) {
      const k = score.kinds[kind];
      if (k.misses.length > 0) notes.push(`  ${kind} missed: ${k.misses.join(' | ')}`);
      if (k.extras.length > 0) notes.push(`  ${kind} extra:  ${k.extras.join(' | ')}`);
    }
    if (notes.length > 0) console.log(`${gold.file}\n${notes.join('\n')}`);
  }

  console.log(`\n${goldFiles.length} articles in ${dir}`);
  console.log('kind        precision  recall   tp   fp   fn');
  for (const kind of KINDS) {
    const total = sum(scores, kind);
    const { precision, recall } = precisionRecall(total);
    console.log(
      `${kind.padEnd(11)} ${pct(precision).padStart(9)} ${pct(recall).padStart(7)} ${String(total.truePositives).padStart(4)} ${String(total.falsePositives).padStart(4)} ${String(total.falseNegatives).padStart(4)}`,
    );
  }
  const correct = scores.filter((s) => s.policyCorrect).length;
  console.log(`isPolicy accuracy ${pct(correct / scores.length)} (${correct}/${scores.length})`);
  const stray = scores.reduce((n, s) => n + s.marksOnNonPolicy, 0);
  console.log(`marks on non-policy articles: ${stray}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
