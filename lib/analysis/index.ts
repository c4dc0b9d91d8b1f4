/**
 * Text → Analysis. Pure: no DOM, no globals. The reader script, the CLI and the
 * notebook all call `analyze()`.
 *
 * The text is folded once (normalize.ts), every detector makes its own few
 * linear passes over it, policy.ts weighs the signals, and outline.ts nests
 * the items and counts them.
 */
import { findDirectives } from './directives';
import { findLeads } from './leads';
import { toSource } from './normalize';
import type { Source } from './normalize';
import { buildOutline, nest } from './outline';
import { findParallels } from './parallels';
import { judgePolicy, settledVerdict, textSignals } from './policy';
import type { PolicyVerdict, Vocabulary } from './policy';
import { findSlogans } from './slogans';
import type { Analysis, AnalysisInput, DetectedItem, ItemKind } from './types';

export type { Analysis, AnalysisInput, AnalysisItem, ItemKind, Outline, OutlineNode } from './types';

/** A first line this short, when no title was given, is taken for the title. */
const MAX_TITLE_CHARS = 40;

function firstLineTitle(src: Source): string | null {
  const first = src.paras[0];
  if (!first || first.end - first.start > MAX_TITLE_CHARS) return null;
  return src.original.slice(first.start, first.end).replace(/^[#\s]+/, '') || null;
}

/** A clause break: a quoted phrase holding one is a saying, not one formulation. */
const CLAUSE_BREAK = /[，,；;]/;

/**
 * A series that is itself a formulation (“严格管控、外防输出、内防扩散”) is marked as
 * the formulation only; a series inside a quoted saying of several clauses
 * (“…，做到A、B、C”) stands on its own. Slogans sorted by start with a running
 * maximum of their ends answer “is this span inside one?” by binary search.
 * Exported for bench/analysis-phases.ts, which times analyze()'s steps one by one.
 */
export function withoutFormulations(parallels: DetectedItem[], slogans: readonly DetectedItem[]): DetectedItem[] {
  const sorted = slogans.filter((s) => !CLAUSE_BREAK.test(s.text)).sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  sorted.forEach((s, i) => maxEnd.push(Math.max(s.end, i > 0 ? maxEnd[i - 1]! : 0)));
  return parallels.filter((p) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= p.start) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi < 0 || maxEnd[hi]! < p.end;
  });
}

/** Everything the detectors find in one text, in no particular order. */
function detectAll(src: Source, title: string | null): DetectedItem[] {
  const directives = findDirectives(src);
  const leads = findLeads(src, directives, title);
  const slogans = findSlogans(src);
  return [...directives, ...leads, ...slogans, ...withoutFormulations(findParallels(src), slogans)];
}

/**
 * The policy verdict alone, with its signals, optionally under another
 * vocabulary (tests take one word out at a time to show no word decides).
 */
export function judgeText(input: AnalysisInput, vocabulary?: Vocabulary): PolicyVerdict {
  const src = toSource(input.text);
  const title = input.title ?? firstLineTitle(src);
  return judgePolicy(src.folded, title, detectAll(src, title), vocabulary);
}

/**
 * What the detectors find of the `wanted` kinds (and of those they build on:
 * leads are read around directives, parallels beside formulations).
 */
function detectWanted(src: Source, wanted: ReadonlySet<ItemKind>, title: string | null): DetectedItem[] {
  const directives = wanted.has('directive') || wanted.has('lead') ? findDirectives(src) : [];
  const leads = wanted.has('lead') ? findLeads(src, directives, title) : [];
  const slogans = wanted.has('slogan') || wanted.has('parallel') ? findSlogans(src) : [];
  const parallels = wanted.has('parallel') ? withoutFormulations(findParallels(src), slogans) : [];
  return [...(wanted.has('directive') ? directives : []), ...leads, ...(wanted.has('slogan') ? slogans : []), ...parallels];
}

/**
 * The verdict and the items shown. With `wanted` (the reader), the text's own
 * signals are weighed first: a text they settle as not policy is left at once
 * (no detector runs), one they settle as policy runs only the wanted kinds'
 * detectors; the score then counts what was computed, on the same side of 0.5.
 */
function verdictAndItems(src: Source, title: string | null, input: AnalysisInput): { verdict: PolicyVerdict; shown: DetectedItem[] } {
  const own = textSignals(src.folded, title);
  const settled = input.wanted && input.force !== true ? settledVerdict(own) : null;
  if (settled === false) return { verdict: judgePolicy(src.folded, title, [], undefined, own), shown: [] };
  const detected = settled === true ? detectWanted(src, input.wanted!, title) : detectAll(src, title);
  const verdict = judgePolicy(src.folded, title, detected, undefined, own);
  return { verdict, shown: verdict.isPolicy || input.force === true ? detected : [] };
}

/** Analyses one article's text. Never throws on any string input. */
export function analyze(input: AnalysisInput): Analysis {
  const src = toSource(input.text);
  const title = input.title ?? firstLineTitle(src);
  const { verdict, shown } = verdictAndItems(src, title, input);
  shown.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const items = nest(shown);
  return { isPolicy: verdict.isPolicy, score: verdict.score, title, items, outline: buildOutline(items) };
}
