/**
 * The corpus scores held by CI: the scorer of `npm run eval` runs over
 * ../shared/corpus and each fold of `--folds 2` (a split by source) must stay
 * at or above the floors published in docs/ANALYSIS.md ("Floors held by CI"),
 * set a little under what was measured when they were raised. A change that
 * lowers a score below a floor fails here, not later on articles never seen.
 *
 * Without the corpus the test is skipped, unless YD_REQUIRE_CORPUS=1 (set by
 * .ci/run, where ../shared sits beside the clone): then a missing corpus fails.
 */
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ItemKind } from '../../../lib/analysis/index';
import { DEFAULT_CORPUS, KINDS, foldsOf, scoreCorpus, summarize } from '../../../scripts/eval';
import type { Summary } from '../../../scripts/eval';

type Floor = Record<ItemKind, { precision: number; recall: number }> & { isPolicy: number };

/** Per fold (fold 1, fold 2 of `npm run eval -- --folds 2`), and over the whole corpus. */
const FLOORS: { all: Floor; folds: [Floor, Floor] } = {
  all: {
    directive: { precision: 0.99, recall: 0.99 },
    lead: { precision: 0.96, recall: 0.95 },
    slogan: { precision: 0.98, recall: 0.95 },
    parallel: { precision: 0.86, recall: 0.81 },
    isPolicy: 0.99,
  },
  folds: [
    {
      directive: { precision: 0.99, recall: 0.99 },
      lead: { precision: 0.97, recall: 0.92 },
      slogan: { precision: 0.98, recall: 0.96 },
      parallel: { precision: 0.865, recall: 0.81 },
      isPolicy: 0.99,
    },
    {
      directive: { precision: 0.99, recall: 0.99 },
      lead: { precision: 0.95, recall: 0.97 },
      slogan: { precision: 0.98, recall: 0.93 },
      parallel: { precision: 0.855, recall: 0.81 },
      isPolicy: 0.99,
    },
  ],
};

const present = existsSync(DEFAULT_CORPUS);
const required = process.env.YD_REQUIRE_CORPUS === '1';

/** Every score of a summary that is under its floor, as readable lines (empty when all hold). */
function below(summary: Summary, floor: Floor): string[] {
  const failures: string[] = [];
  for (const kind of KINDS) {
    const k = summary.kinds[kind];
    if (k.precision < floor[kind].precision) failures.push(`${kind} precision ${k.precision.toFixed(3)} < ${floor[kind].precision}`);
    if (k.recall < floor[kind].recall) failures.push(`${kind} recall ${k.recall.toFixed(3)} < ${floor[kind].recall}`);
  }
  if (summary.policyAccuracy < floor.isPolicy) failures.push(`isPolicy ${summary.policyAccuracy.toFixed(3)} < ${floor.isPolicy}`);
  return failures;
}

describe('corpus scores (../shared/corpus) stay above the published floors', () => {
  test.runIf(present || required)('the corpus is there (YD_REQUIRE_CORPUS=1 makes its absence a failure)', () => {
    expect(present, `${DEFAULT_CORPUS} does not exist: the corpus floors cannot be checked`).toBe(true);
  });

  describe.runIf(present)('scored', () => {
    const articles = present ? scoreCorpus(DEFAULT_CORPUS) : [];

    test('the corpus holds labelled articles', () => {
      expect(articles.length).toBeGreaterThan(0);
    });

    test('the whole corpus', () => {
      expect(below(summarize(articles), FLOORS.all)).toEqual([]);
    });

    test.each([0, 1])('fold %i of two (split by source)', (i) => {
      const folds = foldsOf(articles, 2);
      expect(below(summarize(folds[i]!), FLOORS.folds[i]!)).toEqual([]);
    });

    test('no source is in both folds', () => {
      const [a, b] = foldsOf(articles, 2).map((f) => new Set(f.map((x) => x.source)));
      expect([...a!].filter((s) => b!.has(s))).toEqual([]);
    });
  });
});
