/**
 * isPolicy and its score, from the text's own signals (never from the site).
 * Several independent signals, each bounded, are added up and one logistic
 * curve turns the sum into a score:
 *  - vocabulary: the weighted words of party and government texts against
 *    those of ordinary news, business and scholarship
 *    (data/policy-vocabulary.ts), per 1000 characters, where no one word may
 *    add or take more than TERM_CAP: a verdict never rests on one word;
 *  - register: clauses that open with the verbs of an arrangement or an
 *    exhortation (要…, 必须…, 坚持…, 切实…), per 1000 characters;
 *  - structure: directive series and parallel leads the detectors found;
 *  - rhetoric: formulations (提法) and parallel series the detectors found;
 *  - the title's genre (决议, 通告, 讲话, 社论, 时评…) and an author line
 *    naming an office (（作者：…组织部长）) or a speech's address (同志们：).
 * One regex pass each over at most SAMPLE_CHARS characters.
 */
import { POLICY_TERMS, POLICY_TITLE_TERMS } from './data/policy-vocabulary';
import type { DetectedItem } from './types';

/** A vocabulary ready to scan: one alternation and the weights by term. */
export interface Vocabulary {
  /** Every term in one alternation, longest first, so the longest term wins at a place (中国特色社会主义 before 社会主义). */
  terms: RegExp;
  /** Weights by term: a Map answers a lookup by a Chinese key faster than an object in dictionary mode. */
  weights: ReadonlyMap<string, number>;
}

/** Builds a scannable vocabulary from terms and weights (the tests build ones with a term left out). */
export function vocabularyOf(terms: Readonly<Record<string, number>>): Vocabulary {
  const keys = Object.keys(terms).sort((a, b) => b.length - a.length);
  return { terms: new RegExp(keys.length > 0 ? keys.join('|') : '(?!)', 'g'), weights: new Map(Object.entries(terms)) };
}

const DEFAULT_VOCABULARY = vocabularyOf(POLICY_TERMS);

/**
 * The vocabulary is weighed over at most this many characters: enough to
 * tell the register of a text, and it keeps the cost flat for long texts.
 */
const SAMPLE_CHARS = 8000;
/**
 * Texts shorter than this are scored as if they had this length: a short text
 * with two party words is not as certain as a long one full of them.
 */
const MIN_SCORED_CHARS = 600;
/** Most one term may add to (or take from) the vocabulary signal, in points per 1000 characters. */
const TERM_CAP = 2;
/** Bounds of the vocabulary signal as a whole. */
const VOCABULARY_MIN = -12;
const VOCABULARY_MAX = 16;

const TITLE_TERMS = new RegExp(POLICY_TITLE_TERMS.join('|'));
/** An author line naming an office: （作者：中共某区委常委、组织部长）. */
const AUTHOR_OFFICE = /[（(]作者[：:][^）)\n]{0,40}(?:书记|部长|主任|主席|常委|委员|局长|厅长|市长|省长|县长)[^）)\n]{0,10}[）)]/;
/**
 * A speech's address to its audience, on a line of its own (同志们：, 青年朋友们：,
 * 各位代表：): speeches are one of the genres that set out policy (LABELING.md
 * isPolicy); a business address is outweighed by its own vocabulary.
 */
const ADDRESS = /(?:^|\n)[^\n：:，,。]{0,12}(?:同志们|朋友们|同学们|代表们|委员们|各位[^\n：:，,。]{1,8})[：:][ \t\u3000]*(?:\n|$)/;
/** Points for a speech's address, as for a title naming the genre (counted with the author line: both say who speaks). */
const ADDRESS_BONUS = 5;
/** Points when the title names a policy genre (决议, 通告, 讲话…). */
const TITLE_BONUS = 5;
/** Points for an author line naming a party or government office. */
const AUTHOR_BONUS = 6;

/**
 * A clause that opens with the verb of an arrangement or an exhortation
 * (要加强…, 必须坚持…, 切实…, 进一步…, 着力…, 坚持…): the register in which
 * policy is set out. News narrates, business forecasts, scholarship argues.
 */
const EXHORTATION = /[，,。；;：:\n](?:要(?![求是])|让我们|必须|务必|坚持|切实|进一步|着力|大力|深入|扎实|不断|全面|加快|加强|推进|推动|强化|健全|完善|深化)/g;
/** Points per exhortation per 1000 characters, and the most the register may add. */
const EXHORTATION_POINTS = 0.8;
const REGISTER_CAP = 6;

/**
 * The register of an argument (scholarship, an essay): the author reasons in
 * the first person and weighs theories (在我看来, 不言而喻, …理论, 学者). A
 * policy text states; it does not argue with other theories.
 */
const ARGUMENT = /我们知道|在我看来|我认为|不言而喻|毫不奇怪|换言之|诚然|理论|学者|论证|假说|悖论|命题/g;
/** Points taken per argument marker per 1000 characters, and the most the argument register may take. */
const ARGUMENT_POINTS = 1.2;
const ARGUMENT_CAP = 5;

/** Points per directive series or lead found, up to STRUCTURE_CAP (business texts enumerate too). */
const STRUCTURE_POINTS = 1.2;
const STRUCTURE_CAP = 4;
/** Opening quote marks (a formulation after one is a quoted phrase). */
const QUOTE_BEFORE = new Set([...'“「『‘"\'']);
/** Points per distinct unquoted formulation or parallel series found, up to RHETORIC_CAP. */
const RHETORIC_POINTS = 0.6;
const RHETORIC_CAP = 3;

/** Sum of points at which a text is as likely policy as not, and how sharply the score rises around it. */
const MIDPOINT = 10.4;
const SLOPE = 0.35;

/** The signals' points for one text (their sum decides). */
export interface PolicySignals {
  vocabulary: number;
  register: number;
  structure: number;
  rhetoric: number;
  title: number;
  author: number;
}

/** What policy.ts concludes about a text. */
export interface PolicyVerdict {
  /** Whether the text is a policy text (score ≥ 0.5). */
  isPolicy: boolean;
  /** 0..1. */
  score: number;
  /** The points behind the score. */
  signals: PolicySignals;
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

/** The vocabulary signal: per-term points per 1000 characters, each term capped, the sum bounded. */
function vocabularyPoints(text: string, sampled: number, per1000: number, vocabulary: Vocabulary): number {
  const counts = new Map<string, number>();
  const { terms, weights } = vocabulary;
  terms.lastIndex = 0;
  for (let m = terms.exec(text); m !== null && m.index < sampled; m = terms.exec(text)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  let points = 0;
  for (const [term, count] of counts) points += clamp(weights.get(term)! * count * per1000, -TERM_CAP, TERM_CAP);
  return clamp(points, VOCABULARY_MIN, VOCABULARY_MAX);
}

function countIn(pattern: RegExp, text: string, sampled: number): number {
  let count = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null && m.index < sampled; m = pattern.exec(text)) count++;
  return count;
}

/** The register signal: exhortation adds, argument takes away. */
function registerPoints(text: string, sampled: number, per1000: number): number {
  const exhortation = Math.min(REGISTER_CAP, countIn(EXHORTATION, text, sampled) * per1000 * EXHORTATION_POINTS);
  const argument = Math.min(ARGUMENT_CAP, countIn(ARGUMENT, text, sampled) * per1000 * ARGUMENT_POINTS);
  return exhortation - argument;
}

/** The detectors' findings as two signals: outline structure, and rhetoric (formulations, parallel series). */
function itemPoints(text: string, items: readonly DetectedItem[]): { structure: number; rhetoric: number } {
  const seriesIds = new Set<number>();
  const formulations = new Set<string>();
  let leads = 0;
  let parallels = 0;
  for (const item of items) {
    if (item.kind === 'directive') seriesIds.add(item.series);
    else if (item.kind === 'lead') leads++;
    else if (item.kind === 'slogan') {
      // Quoted phrases stand in news of every kind; a formulation written without quotes (四个全面) is the register's own.
      if (!QUOTE_BEFORE.has(text.charAt(item.start - 1))) formulations.add(item.text);
    }
    else parallels++;
  }
  return {
    structure: Math.min(STRUCTURE_CAP, (seriesIds.size + leads) * STRUCTURE_POINTS),
    rhetoric: Math.min(RHETORIC_CAP, (formulations.size + parallels) * RHETORIC_POINTS),
  };
}

/** The signals that do not depend on the detectors' items. */
export type TextSignals = Omit<PolicySignals, 'structure' | 'rhetoric'>;

/** The text's own signals, before any detector ran: vocabulary, register, title, author. */
export function textSignals(text: string, title: string | null, vocabulary: Vocabulary = DEFAULT_VOCABULARY): TextSignals {
  const sampled = Math.min(text.length, SAMPLE_CHARS);
  const per1000 = 1000 / Math.max(sampled, MIN_SCORED_CHARS);
  return {
    vocabulary: vocabularyPoints(text, sampled, per1000, vocabulary),
    register: registerPoints(text, sampled, per1000),
    title: title && TITLE_TERMS.test(title) ? TITLE_BONUS : 0,
    author: AUTHOR_OFFICE.test(text) ? AUTHOR_BONUS : ADDRESS.test(text.slice(0, SAMPLE_CHARS)) ? ADDRESS_BONUS : 0,
  };
}

function textSum(signals: TextSignals): number {
  return signals.vocabulary + signals.register + signals.title + signals.author;
}

/**
 * The verdict the text's own signals settle whatever the detectors find
 * (items add between 0 and STRUCTURE_CAP + RHETORIC_CAP points): false when
 * even every item's points could not make it policy, true when it is policy
 * without them, null when the items decide.
 */
export function settledVerdict(signals: TextSignals): boolean | null {
  const sum = textSum(signals);
  if (sum + STRUCTURE_CAP + RHETORIC_CAP < MIDPOINT) return false;
  return sum >= MIDPOINT ? true : null;
}

/**
 * Weighs the signals of `text` (folded) and its `title`; `items` are what the
 * detectors found; `vocabulary` is the default one except in tests. `signals`,
 * when given, are the text's own signals computed already.
 */
export function judgePolicy(
  text: string,
  title: string | null,
  items: readonly DetectedItem[],
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
  own: TextSignals = textSignals(text, title, vocabulary),
): PolicyVerdict {
  const signals: PolicySignals = { ...own, ...itemPoints(text, items) };
  const score = 1 / (1 + Math.exp(-SLOPE * (textSum(own) + signals.structure + signals.rhetoric - MIDPOINT)));
  return { isPolicy: score >= 0.5, score: Math.round(score * 1000) / 1000, signals };
}
