/**
 * Text → Analysis. Pure: no DOM, no globals. The reader script, the CLI and the
 * notebook all call `analyze()`.
 */
import type { Analysis, AnalysisInput, AnalysisItem } from './types';

export type { Analysis, AnalysisInput, AnalysisItem, ItemKind } from './types';

/** 一是 … 十是: the first, simplest directive rule. */
const ORDINAL_IS = /([一二三四五六七八九十]+)是/g;
const ORDINALS = '一二三四五六七八九十';
/** Where a directive's first sentence ends. */
const SENTENCE_END = /[。；;！？!?\n]/;

function ordinalValue(word: string): number {
  return ORDINALS.indexOf(word) + 1;
}

/** Directives of the form 一是…二是…: a series needs at least two markers in order. */
function findOrdinalDirectives(text: string): AnalysisItem[] {
  const candidates = [...text.matchAll(ORDINAL_IS)].filter((m) => m[1]!.length === 1);
  const items: AnalysisItem[] = [];
  let series: RegExpMatchArray[] = [];
  const flush = (): void => {
    if (series.length >= 2) {
      for (const m of series) {
        const start = m.index!;
        const bodyStart = start + m[0].length;
        const stop = text.slice(bodyStart).search(SENTENCE_END);
        const end = stop === -1 ? text.length : bodyStart + stop + 1;
        items.push({ kind: 'directive', marker: m[0], text: text.slice(bodyStart, end).trim(), start, end });
      }
    }
    series = [];
  };
  for (const m of candidates) {
    const value = ordinalValue(m[1]!);
    if (value === 1) flush();
    const expected = series.length + 1;
    if (value === expected) series.push(m);
    else flush();
  }
  flush();
  return items;
}

export function analyze(input: AnalysisInput): Analysis {
  const items = findOrdinalDirectives(input.text);
  const isPolicy = items.length >= 2;
  return { isPolicy, score: isPolicy ? 1 : 0, title: input.title ?? null, items };
}
