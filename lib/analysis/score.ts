/**
 * The corpus scorer's rules (../shared/corpus/LABELING.md "Scoring"), pure:
 * one gold file + one Analysis → matches and misses per kind. scripts/eval.ts
 * reads the files and adds the counts up.
 */
import type { Analysis, ItemKind } from './types';

/** One labelled article (a *.gold.json file). */
export interface Gold {
  /** Name of the article file beside the gold file. */
  file: string;
  /** Whether the article is a policy text. */
  isPolicy: boolean;
  /** The article's own title. */
  title?: string;
  /** Parallel paragraph leads, by their first characters. */
  leads: { starts: string }[];
  /** Directive items: marker and the first characters after it. */
  directives: { marker: string; starts: string }[];
  /** Look-alikes that must not be taken for markers (informative). */
  notDirectives?: string[];
  /** Distinct formulations, without quote marks. */
  slogans: string[];
  /** Distinct parallel series. */
  parallels: string[];
}

/** Counts for one kind in one article (or summed over many). */
export interface KindScore {
  /** Found items that match a gold item. */
  truePositives: number;
  /** Found items that match nothing and do not count as neutral. */
  falsePositives: number;
  /** Gold items nothing matched. */
  falseNegatives: number;
  /** Found items that matched nothing but count neither way (unlabelled slogans in quote marks). */
  neutral: number;
  /** Gold items that were missed, as labelled. */
  misses: string[];
  /** Found items that counted against precision. */
  extras: string[];
}

/** The score of one article. */
export interface FileScore {
  /** The gold file's article name. */
  file: string;
  /** Whether the analysis got isPolicy right. */
  policyCorrect: boolean;
  /** Per kind; only counted for articles whose gold says isPolicy. */
  kinds: Record<ItemKind, KindScore>;
  /** Items reported on an article the gold calls not policy (should be none). */
  marksOnNonPolicy: number;
}

/** Characters a lead may open with that the comparison sets aside (dashes, bullets, Markdown). */
const LEAD_OPENERS = /^[—\-–·•*#>\s]+/u;
/** How many opening characters of a lead must agree. */
const LEAD_PREFIX = 8;
/** How many characters beyond the marker a directive's text must share with the gold. */
const DIRECTIVE_EXTRA = 4;
/** Largest length difference for two parallel series, one containing the other. */
const PARALLEL_SLACK = 4;
/** Quote pairs a formulation may stand in (after NFKC). */
const QUOTES: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
  ['"', '"'],
  ["'", "'"],
];

/** NFKC and no white space: how every compared text is normalised. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

function withoutPunctuation(text: string): string {
  return normalizeText(text).replace(/[\p{P}\p{S}]/gu, '');
}

function withoutQuotes(text: string): string {
  return normalizeText(text).replace(/^[“”「」『』‘’"']+|[“”「」『』‘’"']+$/gu, '');
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function emptyScore(): KindScore {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, neutral: 0, misses: [], extras: [] };
}

/**
 * Matches gold entries to found entries, each used at most once, in order:
 * every gold entry takes the first unused found entry after the previous match
 * that fits, else the first unused one anywhere.
 */
function matchInOrder<G, F>(
  gold: readonly G[],
  found: readonly F[],
  fits: (g: G, f: F) => boolean,
): { used: Set<number>; goldHits: Set<number> } {
  const used = new Set<number>();
  const goldHits = new Set<number>();
  let cursor = 0;
  gold.forEach((g, gi) => {
    const pick = (from: number, to: number): number => {
      for (let i = from; i < to; i++) if (!used.has(i) && fits(g, found[i]!)) return i;
      return -1;
    };
    let hit = pick(cursor, found.length);
    if (hit === -1) hit = pick(0, cursor);
    if (hit !== -1) {
      used.add(hit);
      goldHits.add(gi);
      cursor = hit + 1;
    }
  });
  return { used, goldHits };
}

function tally<G, F>(gold: readonly G[], found: readonly F[], fits: (g: G, f: F) => boolean, show: (x: G | F) => string, neutral: (f: F) => boolean = () => false): KindScore {
  const score = emptyScore();
  const { used, goldHits } = matchInOrder(gold, found, fits);
  score.truePositives = used.size;
  gold.forEach((g, i) => {
    if (!goldHits.has(i)) score.misses.push(show(g));
  });
  found.forEach((f, i) => {
    if (used.has(i)) return;
    if (neutral(f)) score.neutral++;
    else score.extras.push(show(f));
  });
  score.falseNegatives = score.misses.length;
  score.falsePositives = score.extras.length;
  return score;
}

/** Scores one analysis against its gold; `articleText` is the analysed text (for the quote rule). */
export function scoreFile(gold: Gold, analysis: Analysis, articleText: string): FileScore {
  const kinds: Record<ItemKind, KindScore> = {
    directive: emptyScore(),
    lead: emptyScore(),
    slogan: emptyScore(),
    parallel: emptyScore(),
  };
  const policyCorrect = gold.isPolicy === analysis.isPolicy;
  if (!gold.isPolicy) {
    return { file: gold.file, policyCorrect, kinds, marksOnNonPolicy: analysis.items.length };
  }
  const of = (kind: ItemKind): Analysis['items'] => analysis.items.filter((item) => item.kind === kind);

  const goldDirectives = gold.directives.map((d) => ({
    key: withoutPunctuation(d.marker + d.starts),
    need: withoutPunctuation(d.marker).length + DIRECTIVE_EXTRA,
  }));
  const foundDirectives = of('directive').map((item) => withoutPunctuation((item.marker ?? '') + item.text));
  kinds.directive = tally(
    goldDirectives,
    foundDirectives,
    (g, f) => commonPrefixLength(g.key, f) >= Math.min(g.need, g.key.length),
    (x) => (typeof x === 'string' ? x : x.key),
  );

  const leadKey = (text: string): string => normalizeText(text).replace(LEAD_OPENERS, '');
  const goldLeads = gold.leads.map((l) => leadKey(l.starts));
  const foundLeads = of('lead').map((item) => leadKey(item.text));
  kinds.lead = tally(
    goldLeads,
    foundLeads,
    (g, f) => commonPrefixLength(g, f) >= Math.min(LEAD_PREFIX, g.length),
    (x) => x,
  );

  const article = normalizeText(articleText);
  const quoted = (s: string): boolean => QUOTES.some(([open, close]) => article.includes(open + s + close));
  const goldSlogans = [...new Set(gold.slogans.map(withoutQuotes))];
  const foundSlogans = [...new Set(of('slogan').map((item) => withoutQuotes(item.text)))];
  kinds.slogan = tally(goldSlogans, foundSlogans, (g, f) => g === f, (x) => x, quoted);

  const goldParallels = [...new Set(gold.parallels.map(normalizeText))];
  const foundParallels = [...new Set(of('parallel').map((item) => normalizeText(item.text)))];
  kinds.parallel = tally(
    goldParallels,
    foundParallels,
    (g, f) => (g.includes(f) || f.includes(g)) && Math.abs(g.length - f.length) <= PARALLEL_SLACK,
    (x) => x,
  );

  return { file: gold.file, policyCorrect, kinds, marksOnNonPolicy: 0 };
}

/** Precision and recall from summed counts; 1 when there is nothing to count. */
export function precisionRecall(score: Pick<KindScore, 'truePositives' | 'falsePositives' | 'falseNegatives'>): {
  precision: number;
  recall: number;
} {
  const found = score.truePositives + score.falsePositives;
  const expected = score.truePositives + score.falseNegatives;
  return {
    precision: found === 0 ? 1 : score.truePositives / found,
    recall: expected === 0 ? 1 : score.truePositives / expected,
  };
}
