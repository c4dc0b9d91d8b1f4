/**
 * The reader's analysis settles the verdict early (issue 14): with the kinds it
 * shows (`wanted`), a text whose own signals cannot make it policy runs no
 * detector, and a text that is policy anyway runs only the detectors those
 * kinds need. The verdict and the items shown are the same as the full
 * analysis's, on every text here and on every corpus page when ../shared is
 * there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, judgeText, type Analysis, type AnalysisInput } from '../../../lib/analysis/index';
import { settledVerdict } from '../../../lib/analysis/policy';
import { ALL_KINDS, type ItemKind } from '../../../lib/model/kinds';
import { loadArticle } from '../../../scripts/analyze';
import { DEFAULT_CORPUS } from '../../../scripts/eval';

const SEED = readFileSync(join(__dirname, 'fixtures/seed.txt'), 'utf8');
/** Written for this test: news with no party register at all. */
const NEWS = [
  '周末城区气温回升',
  '据气象台消息，本周末城区以晴到多云为主，最高气温二十二度左右，适合外出。',
  '市民张女士说，她打算带孩子去公园放风筝，顺便看看新开的花展。',
  '气象专家提醒，早晚温差较大，外出时注意添加衣物。',
].join('\n');

const TEXTS: [string, AnalysisInput][] = [
  ['the seed article', { text: SEED }],
  ['a weather report', { text: NEWS }],
  ...(existsSync(DEFAULT_CORPUS)
    ? readdirSync(DEFAULT_CORPUS)
        .filter((file) => file.endsWith('.html'))
        .map((file): [string, AnalysisInput] => [file, loadArticle(join(DEFAULT_CORPUS, file))])
    : []),
];

/** What a reader sees of an analysis: the verdict and each item's kind and place. */
function shown(analysis: Analysis, kinds: readonly ItemKind[] = ALL_KINDS): { isPolicy: boolean; items: string[] } {
  return {
    isPolicy: analysis.isPolicy,
    items: analysis.items.filter((item) => kinds.includes(item.kind)).map((item) => `${item.kind}@${item.start}-${item.end}`),
  };
}

describe.each(TEXTS)('%s', (_name, input) => {
  const full = analyze(input);

  test('every kind wanted: the same verdict and items as the full analysis', () => {
    expect(shown(analyze({ ...input, wanted: new Set(ALL_KINDS) }))).toEqual(shown(full));
  });

  test.each(ALL_KINDS.map((kind) => [kind]))('%s switched off: the others as in the full analysis', (off) => {
    const kinds = ALL_KINDS.filter((kind) => kind !== off);
    expect(shown(analyze({ ...input, wanted: new Set(kinds) }), kinds)).toEqual(shown(full, kinds));
  });

  test('forced (the reader asked for marks): every item, as without `wanted`', () => {
    expect(shown(analyze({ ...input, force: true, wanted: new Set(ALL_KINDS) }))).toEqual(shown(analyze({ ...input, force: true })));
  });
});

test('the weather report is settled as not policy before any detector, the seed as policy', () => {
  const own = (text: string) => {
    const { structure: _s, rhetoric: _r, ...rest } = judgeText({ text }).signals;
    return rest;
  };
  expect(settledVerdict(own(NEWS))).toBe(false);
  expect(settledVerdict(own(SEED))).toBe(true);
});
