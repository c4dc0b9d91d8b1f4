/**
 * The corpus scorer (DESIGN.md "Corpus scorer"):
 *
 *   npm run eval [-- DIR] [--verbose] [--folds 2]
 *
 * Analyses the article beside every *.gold.json in DIR (default ../shared/corpus
 * from the repository root) exactly as `npm run analyze` does, scores it by
 * LABELING.md's rules (lib/analysis/score.ts) and prints precision and recall
 * per kind over the policy articles, and isPolicy accuracy over all of them,
 * plus how many found slogans were set aside as unlabelled quotes (they count
 * neither for nor against). --verbose adds each file's misses and extras.
 *
 * --folds N splits the corpus by SOURCE (the publisher: every article of one
 * site or paper lands in one fold) into N folds and reports each fold too. A
 * rule written while looking at one fold's articles is judged on the others:
 * a rule for the idea helps both, a rule for one article only its own.
 * `scoreCorpus()` and `foldsOf()` are exported for the CI floor test
 * (tests/unit/analysis/corpus-floor.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze } from '../lib/analysis/index';
import type { ItemKind } from '../lib/analysis/index';
import { precisionRecall, scoreFile } from '../lib/analysis/score';
import type { FileScore, Gold, KindScore } from '../lib/analysis/score';
import { loadArticle } from './analyze';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../..');
/** Where the corpus lives beside a clone (CI puts ../shared next to it). */
export const DEFAULT_CORPUS = resolve(REPO_ROOT, '../shared/corpus');
export const KINDS: readonly ItemKind[] = ['directive', 'lead', 'slogan', 'parallel'];

/** One scored article with the source it came from. */
export interface ScoredArticle {
  gold: Gold;
  /** The publisher key (see sourceOf). */
  source: string;
  score: FileScore;
  /** The analysis's isPolicy score, for the verbose report. */
  policyScore: number;
  isPolicy: boolean;
}

/** Summed counts and rates of one set of articles. */
export interface Summary {
  articles: number;
  kinds: Record<ItemKind, KindScore & { precision: number; recall: number }>;
  policyAccuracy: number;
  policyCorrect: number;
  /** Found slogans set aside because they stand in quotes but are not labelled. */
  neutralSlogans: number;
  marksOnNonPolicy: number;
}

/**
 * The `site` column of SOURCES.md by file name. A publisher is the first word
 * of the column: a domain is cut to its own name (finance.sina.com.cn and
 * sina.com.cn are one publisher, xxgk.jl.gov.cn is jl), a name is kept
 * (人民日报 p.7 → 人民日报, HUST 公共管理学院 → hust).
 */
function sourcesTable(dir: string): Map<string, string> {
  const table = new Map<string, string>();
  const path = join(dir, 'SOURCES.md');
  if (!existsSync(path)) return table;
  let siteColumn = -1;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').map((c) => c.trim());
    const header = cells.indexOf('site');
    if (header >= 0) {
      siteColumn = header;
      continue;
    }
    if (siteColumn < 0 || cells.length <= siteColumn) continue;
    const file = cells[1] ?? '';
    const word = (cells[siteColumn] ?? '').split(/[\s(（·,]/)[0] ?? '';
    if (file && word) table.set(file, publisher(word));
  }
  return table;
}

/** A domain's own name (the label before its public suffix), or the word itself, lower-cased. */
function publisher(word: string): string {
  const w = word.toLowerCase().replace(/^www\./, '');
  if (!/^[a-z0-9.-]+\.[a-z]+$/.test(w)) return w;
  const labels = w.replace(/(\.(com|gov|edu|org|net))?\.(cn|com|org|net)$/, '').split('.');
  return labels[labels.length - 1]!;
}

/** The source of an article: its SOURCES.md publisher, else the first word of its file name after the number. */
export function sourceOf(file: string, table: ReadonlyMap<string, string>): string {
  return table.get(file) ?? (/^(?:\d+-)?([^-.]+)/.exec(file)?.[1] ?? file).toLowerCase();
}

/** How much an article weighs when folds are balanced: its labelled items, and one for being there. */
function weight(a: ScoredArticle): number {
  const g = a.gold;
  return 1 + g.directives.length + g.leads.length + g.slogans.length + g.parallels.length;
}

/**
 * Splits articles into `n` folds by source: heaviest source first, each to the
 * fold that weighs least so far (ties: the lower fold), so every fold holds a
 * fair share of the labels and no source is in two folds. Deterministic for
 * one corpus.
 */
export function foldsOf(articles: readonly ScoredArticle[], n: number): ScoredArticle[][] {
  const bySource = new Map<string, ScoredArticle[]>();
  for (const a of articles) bySource.set(a.source, [...(bySource.get(a.source) ?? []), a]);
  const sources = [...bySource.entries()]
    .map(([source, list]) => ({ source, list, weight: list.reduce((s, a) => s + weight(a), 0) }))
    .sort((x, y) => y.weight - x.weight || x.source.localeCompare(y.source));
  const folds: ScoredArticle[][] = Array.from({ length: n }, () => []);
  const weights = new Array<number>(n).fill(0);
  for (const s of sources) {
    const lightest = weights.indexOf(Math.min(...weights));
    folds[lightest]!.push(...s.list);
    weights[lightest]! += s.weight;
  }
  return folds.map((f) => f.sort((x, y) => x.gold.file.localeCompare(y.gold.file)));
}

/** Analyses and scores every labelled article of `dir`; empty when there is none. */
export function scoreCorpus(dir: string): ScoredArticle[] {
  if (!existsSync(dir)) return [];
  const table = sourcesTable(dir);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.gold.json'))
    .sort()
    .map((name) => {
      const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Gold;
      const input = loadArticle(join(dir, gold.file));
      const analysis = analyze(input);
      return {
        gold,
        source: sourceOf(gold.file, table),
        score: scoreFile(gold, analysis, input.text),
        policyScore: analysis.score,
        isPolicy: analysis.isPolicy,
      };
    });
}

/** Adds the counts of a set of articles up. */
export function summarize(articles: readonly ScoredArticle[]): Summary {
  const kinds = {} as Summary['kinds'];
  for (const kind of KINDS) {
    const total: KindScore = { truePositives: 0, falsePositives: 0, falseNegatives: 0, neutral: 0, misses: [], extras: [] };
    for (const a of articles) {
      const k = a.score.kinds[kind];
      total.truePositives += k.truePositives;
      total.falsePositives += k.falsePositives;
      total.falseNegatives += k.falseNegatives;
      total.neutral += k.neutral;
    }
    kinds[kind] = { ...total, ...precisionRecall(total) };
  }
  const policyCorrect = articles.filter((a) => a.score.policyCorrect).length;
  return {
    articles: articles.length,
    kinds,
    policyCorrect,
    policyAccuracy: articles.length === 0 ? 1 : policyCorrect / articles.length,
    neutralSlogans: kinds.slogan.neutral,
    marksOnNonPolicy: articles.reduce((n, a) => n + a.score.marksOnNonPolicy, 0),
  };
}

function pct(x: number): string {
  return x.toFixed(3);
}

function printSummary(label: string, s: Summary): void {
  console.log(`\n${label}: ${s.articles} articles`);
  console.log('kind        precision  recall   tp   fp   fn');
  for (const kind of KINDS) {
    const k = s.kinds[kind];
    console.log(
      `${kind.padEnd(11)} ${pct(k.precision).padStart(9)} ${pct(k.recall).padStart(7)} ${String(k.truePositives).padStart(4)} ${String(k.falsePositives).padStart(4)} ${String(k.falseNegatives).padStart(4)}`,
    );
  }
  console.log(`isPolicy accuracy ${pct(s.policyAccuracy)} (${s.policyCorrect}/${s.articles})`);
  console.log(`found slogans set aside as unlabelled quotes: ${s.neutralSlogans}`);
  console.log(`marks on non-policy articles: ${s.marksOnNonPolicy}`);
}

function printVerbose(a: ScoredArticle): void {
  const { score, gold } = a;
  const notes: string[] = [];
  if (!score.policyCorrect) notes.push(`  isPolicy: expected ${gold.isPolicy}, got ${a.isPolicy} (score ${a.policyScore.toFixed(2)})`);
  if (score.marksOnNonPolicy > 0) notes.push(`  ${score.marksOnNonPolicy} marks on a non-policy article`);
  for (const kind of KINDS) {
    const k = score.kinds[kind];
    if (k.misses.length > 0) notes.push(`  ${kind} missed: ${k.misses.join(' | ')}`);
    if (k.extras.length > 0) notes.push(`  ${kind} extra:  ${k.extras.join(' | ')}`);
  }
  if (notes.length > 0) console.log(`${gold.file} [${a.source}]\n${notes.join('\n')}`);
}

function main(argv: readonly string[]): number {
  const verbose = argv.includes('--verbose');
  const foldsAt = argv.indexOf('--folds');
  const folds = foldsAt >= 0 ? Number.parseInt(argv[foldsAt + 1] ?? '', 10) : 1;
  if (!(folds >= 1)) {
    console.error('eval: --folds needs a number of folds, e.g. --folds 2');
    return 2;
  }
  const dir = resolve(argv.find((arg, i) => !arg.startsWith('--') && i !== foldsAt + 1) ?? DEFAULT_CORPUS);
  const articles = scoreCorpus(dir);
  if (articles.length === 0) {
    console.log(`eval: no *.gold.json files in ${dir} — nothing to score.`);
    return 0;
  }
  if (verbose) articles.forEach(printVerbose);
  printSummary(`all of ${dir}`, summarize(articles));
  if (folds > 1) {
    foldsOf(articles, folds).forEach((fold, i) => {
      const sources = [...new Set(fold.map((a) => a.source))].join(', ');
      printSummary(`fold ${i + 1} (sources: ${sources})`, summarize(fold));
    });
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
