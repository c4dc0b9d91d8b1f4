/**
 * Leads: parallel paragraph leads (LABELING.md "leads") — paragraphs, two or
 * more, that open with the same rhetorical frame and carry the main points.
 *
 * Every paragraph's opening sentence is read once (only its first few dozen
 * characters). A short opening sentence is a candidate; candidates form a
 * group when they share a frame:
 *  - the same opening words or the same closing words (要把……摆在更加突出的位置,
 *    深挖“…”，以…, 国家战略腹地…？, ——…);
 *  - the same balanced two-clause shape: as a heading line of its own
 *    (铭记历史，汲取信仰的力量 / 坚持党的领导 服务工作大局) or as the opening couplet
 *    of a longer paragraph (新征程催人奋进，新使命激荡人心。);
 *  - a subject and a modal verb, 要 or 必须, in the opening clause of three or
 *    more paragraphs in a row (湖北省和武汉市要… / 北京市要… / 全国其他地区要…):
 *    the frame of a work arrangement addressed to one party after another,
 *    however long the opening sentence runs.
 * A paragraph that opens with an enumeration marker is a directive, not a lead.
 */
import type { Paragraph, Source } from './normalize';
import { endsOpen, squeeze } from './normalize';
import type { DetectedItem } from './types';

/** Longest opening sentence that can be a lead (LABELING.md: 8–20 characters are quoted; leads are short). */
const MAX_LEAD_CHARS = 30;
/** Shortest: a two-character line is a label, not a lead. */
const MIN_LEAD_CHARS = 6;
/**
 * Characters set aside at a paragraph's start: Markdown, bullets, dashes,
 * spaces. This and OPENING_SENTENCE are sticky regexes read at a paragraph's
 * start: native code from the first call, where character loops would be
 * interpreted on a freshly loaded page.
 */
const OPENERS = /[*#>\-—–·•●■◆ \t\u3000]*/y;
/** Characters set aside at a heading's end (Markdown bold). */
const CLOSERS = new Set([...'* \t\u3000']);
/** An opening sentence up to its end mark (。！？), read at most one character past MAX_LEAD_CHARS. */
const OPENING_SENTENCE = new RegExp(`[^。！!？?]{0,${MAX_LEAD_CHARS + 1}}`, 'y');
/** Clause separators inside an opening sentence (a space separates the halves of a heading). */
const CLAUSE_BREAK = /[，,\s]+/;
/** Enumerators outside the directive forms (表现一：, 措施二、) and markers: never leads. */
const ENUMERATED =
  /^(?:[\u4e00-\u9fff]{0,4}[一二三四五六七八九十\d]{1,3}[：:、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|第[一二三四五六七八九十百\d]+[章条节款编])/;
/** Shared opening words that make a frame (要把…, 深挖…). */
const PREFIX_CHARS = 2;
/** Shared closing words (of the opening sentence) that make a frame (…摆在更加突出的位置). */
const SUFFIX_CHARS = 4;
/** Sentences of one frame differ in length by at most this much (電影… openers of any length are not a frame). */
const FRAME_LENGTH_SLACK = 4;
/** A lead opens a paragraph: at least this much text follows its opening sentence. */
const MIN_CONTINUATION = 20;
/** Two balanced clauses: each this long at least and at most, the longer at most twice the shorter. */
const CLAUSE_MIN = 3;
const CLAUSE_MAX = 12;
const CLAUSE_RATIO = 2;
/** Clauses of a two-clause frame are words (and quotes), not dates or sources: 2021-05-31来源:《光明日报》. */
const WORDS_ONLY = /^[\u4e00-\u9fff“”‘’「」]+$/;
/**
 * A subject (no clause break, at most MAX_SUBJECT_CHARS) and the modal verb of an
 * arrangement, read at a paragraph's start. 要 inside a word (主要, 需要, 重要, 不要,
 * 只要, 要求, 要点, 要是) is not the modal. 应当 is left out: it is the modal of a
 * law's articles, which are rules, not leads.
 */
const MAX_SUBJECT_CHARS = 30;
const MODAL_FRAME = new RegExp(
  `[^，。！？；：,;:!?“”"]{2,${MAX_SUBJECT_CHARS}}?(?<![主需重不只想必首纲摘简概紧])(?:要|必须)(?![求点素害件闻是])`,
  'y',
);
/** A modal lead is cut at its opening clause's end, or at this length (湖北省周边省份及…等重点省份要按照…策略). */
const MAX_MODAL_LEAD_CHARS = 40;
/** A modal lead's opening clause, read from the paragraph's start. */
const OPENING_CLAUSE = new RegExp(`[^，。！？；：,;:!?]{1,${MAX_MODAL_LEAD_CHARS}}`, 'y');
/**
 * A line this long that ends open (no closing punctuation) is not a heading but
 * prose wrapped at a fixed width (a hard-wrapped essay: lines of 33–38
 * characters); the next line continues its sentence and opens no paragraph.
 */
const WRAPPED_LINE_MIN = 30;
/** Groups below these sizes are coincidences. */
const MIN_HEADING_GROUP = 2;
const MIN_DASH_GROUP = 2;
const MIN_FRAME_GROUP = 3;

/** One paragraph's opening sentence. */
interface Opening {
  start: number;
  /** End of the opening sentence (past its end mark), or of the heading line. */
  end: number;
  /** The sentence without its end mark, folded. */
  sentence: string;
  /** The whole paragraph is this one line with no sentence end (a heading). */
  heading: boolean;
  /** The line begins with a dash (——八项规定影响深远。). */
  dashed: boolean;
  /** Heading markup around the line: '#', '##', … or '**' (bold); '' for none. */
  markup: string;
  /** Index of the paragraph. */
  index: number;
  /** The paragraph goes on after the opening sentence. */
  continues: boolean;
}

/** End marks that a heading line may keep. */
const QUESTION_OR_CRY = new Set([...'？?！!']);

/** Whether text[from, end) holds only heading closers (Markdown bold, spaces). */
function onlyClosersAfter(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!CLOSERS.has(text.charAt(i))) return false;
  return true;
}

/** Heading markup at a line's start: Markdown # marks or bold. */
const MARKUP = /#+|\*\*/y;

function openingOf(text: string, start: number, end: number, index: number): Opening | null {
  OPENERS.lastIndex = start;
  const s = Math.min(end, start + OPENERS.exec(text)![0].length);
  const dashed = s > start && text.slice(start, s).includes('—');
  const limit = Math.min(end, s + MAX_LEAD_CHARS + 1);
  OPENING_SENTENCE.lastIndex = s;
  const stop = Math.min(limit, s + OPENING_SENTENCE.exec(text)![0].length);
  let sentenceEnd: number;
  let heading = false;
  if (stop < limit && QUESTION_OR_CRY.has(text.charAt(stop)) && onlyClosersAfter(text, stop + 1, end)) {
    sentenceEnd = stop + 1; // a question or a cry on a line of its own is a heading (为何建？)
    heading = true;
  } else if (stop < limit) sentenceEnd = stop;
  else if (limit === end) {
    sentenceEnd = end;
    while (sentenceEnd > s && CLOSERS.has(text.charAt(sentenceEnd - 1))) sentenceEnd--;
    heading = true;
  } else return null;
  const sentence = text.slice(s, sentenceEnd);
  if (sentence.length < MIN_LEAD_CHARS || ENUMERATED.test(sentence)) return null;
  const continues = !heading && end - sentenceEnd > MIN_CONTINUATION;
  MARKUP.lastIndex = start;
  const markup = MARKUP.test(text) ? text.slice(start, MARKUP.lastIndex) : '';
  return { start: s, end: heading ? sentenceEnd : sentenceEnd + 1, sentence, heading, dashed, continues, markup, index };
}

function isBalancedPair(parts: readonly string[]): boolean {
  const clauses = parts.filter((c) => c.length > 0);
  if (clauses.length !== 2 || !clauses.every((c) => WORDS_ONLY.test(c))) return false;
  const [a, b] = [clauses[0]!.length, clauses[1]!.length];
  const short = Math.min(a, b);
  const long = Math.max(a, b);
  return short >= CLAUSE_MIN && long <= CLAUSE_MAX && long <= short * CLAUSE_RATIO;
}

function minimumGroup(key: string): number {
  if (key.startsWith('heading') || key.startsWith('m:')) return MIN_HEADING_GROUP;
  if (key === 'dash') return MIN_DASH_GROUP;
  return MIN_FRAME_GROUP;
}

/**
 * Groups made by a shape alone, without shared words: couplets, plain short
 * lines, short topic sentences. Such a group is a series only where its
 * members follow one another (RUN_GAP); scattered couplets are an author's
 * style, not an outline.
 */
const SHAPE_ONLY = new Set(['couplet', 'plain', 'topic']);
/** Most paragraphs between two members of one run (a body paragraph or two under each lead). */
const RUN_GAP = 3;

/** Splits members (in text order) into runs whose neighbours are at most RUN_GAP paragraphs apart. */
function runs(members: readonly Opening[]): Opening[][] {
  const result: Opening[][] = [];
  for (const o of members) {
    const current = result[result.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && o.index - last.index <= RUN_GAP) current.push(o);
    else result.push([o]);
  }
  return result;
}

/** Longest subhead line (a heading of its own: 汇思聚智展风采, 为何建？). */
const MAX_SUBHEAD_CHARS = 20;
/**
 * Lines that are no subheads although they stand alone: a label with a colon
 * (时间：, 来源：), a date, a time, a source or a byline, a figure caption.
 */
const NOT_A_SUBHEAD = /[：:|\d]|^(?:记者|通讯员|编辑|责编|来源|作者|摄影?|图|据)/;

/** Whether paragraph i is followed by body text (a paragraph longer than a heading). */
function followedByBody(text: string, paras: readonly Paragraph[], i: number): boolean {
  const next = paras[i + 1];
  return next !== undefined && next.end - next.start > MAX_LEAD_CHARS && !endsOpen(text, next);
}

/** Shortest and longest opening sentence that states a paragraph's topic (实施更加积极的财政政策。). */
const TOPIC_MIN = 6;
const TOPIC_MAX = 16;
/** A topic sentence is one clause of words: no comma, no digits, no quotes of speech. */
const TOPIC_SENTENCE = /^[\u4e00-\u9fff“”‘’「」]+$/;

/** Whether an opening sentence is a short topic sentence ending in 。 with body text after it. */
function isTopicSentence(o: Opening): boolean {
  return o.sentence.length >= TOPIC_MIN && o.sentence.length <= TOPIC_MAX && TOPIC_SENTENCE.test(o.sentence);
}

/** Longest opening clause that makes a frame by itself (这一年里，/ 到2035年，/ 向前行，). */
const MAX_FRAME_CLAUSE = 10;
const MIN_FRAME_CLAUSE = 3;
/**
 * Opening clauses that repeat but frame nothing: the date, time or place of an
 * event (5月12日上午，), a source (据…, 记者…), a connective (同时，此外，), a
 * speaker's turn (…表示，…指出，), a narration in order (第一组…, 第二位…).
 */
const NOT_A_FRAME =
  /^(?:据|记者|同时|此外|另外|而且|但是|因此|所以|然而|其中|随后|之后|此前|目前|当前|近年来|近日|日前|今年|去年|当天|当日|上午|下午|晚上|其次|最后|首先|对此|为此|总之|比如|例如)|^\d{1,2}月|[日晚时]$|(?:说|表示|指出|强调|认为|介绍|称|提出|谈到|坦言|回忆)$|第[一二三四五六七八九十\d]+[组位个名批轮次天期届]/;

/** A paragraph's opening clause, read at its start: words up to a comma, at most MAX_FRAME_CLAUSE characters. */
const FRAME_CLAUSE = new RegExp(`[^，,：:；;。！？!?\\n]{${MIN_FRAME_CLAUSE},${MAX_FRAME_CLAUSE}}(?=[，,])`, 'y');
/** A framed lead is marked to its sentence's end, or to its last clause break within this many characters. */
const MAX_FRAMED_LEAD_CHARS = 40;
/** The opening sentence, up to MAX_FRAMED_LEAD_CHARS, read after the clause. */
const FRAMED_SENTENCE = new RegExp(`[^。！？!?；;]{0,${MAX_FRAMED_LEAD_CHARS}}`, 'y');

/**
 * A paragraph whose opening clause may be a frame shared with others (这一年里，有… /
 * 到2035年，… / 向前行，让我们…): the clause (digits folded, so 到2020年 and
 * 到2035年 are one frame) and the span to mark, or null. Read however long
 * the opening sentence runs; the paragraph must go on after it.
 */
function framedOpening(text: string, start: number, end: number): { clause: string; start: number; end: number } | null {
  OPENERS.lastIndex = start;
  const s = start + OPENERS.exec(text)![0].length;
  FRAME_CLAUSE.lastIndex = s;
  const m = FRAME_CLAUSE.exec(text);
  if (!m || m.index !== s || end - s <= m[0].length + MIN_CONTINUATION) return null;
  const clause = m[0];
  if (NOT_A_FRAME.test(clause) || ENUMERATED.test(clause) || !WORDS_OR_YEAR.test(clause)) return null;
  FRAMED_SENTENCE.lastIndex = s;
  let stop = Math.min(end, s + FRAMED_SENTENCE.exec(text)![0].length);
  if (stop < end && stop - s < MAX_FRAMED_LEAD_CHARS) stop++;
  else {
    const lastBreak = Math.max(text.lastIndexOf('，', stop - 1), text.lastIndexOf(',', stop - 1));
    if (lastBreak > s + clause.length) stop = lastBreak;
  }
  return { clause: clause.replace(/\d/g, '0'), start: s, end: stop };
}

/** A frame clause is words, with at most a year in it (到2035年): no dates, times or figures of an event. */
const WORDS_OR_YEAR = /^[\u4e00-\u9fff“”‘’]*(?:\d{4}年[\u4e00-\u9fff]*)?$/;

function similarLengths(members: readonly Opening[]): boolean {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const o of members) {
    min = Math.min(min, o.sentence.length);
    max = Math.max(max, o.sentence.length);
  }
  return max - min <= FRAME_LENGTH_SLACK;
}

function addTo(groups: Map<string, Opening[]>, key: string, o: Opening): void {
  const list = groups.get(key);
  if (list) list.push(o);
  else groups.set(key, [o]);
}

/** Whether paras[i] continues the sentence of a hard-wrapped line before it. */
function wrapped(text: string, paras: readonly Paragraph[], i: number): boolean {
  const previous = paras[i - 1];
  return previous !== undefined && previous.end - previous.start >= WRAPPED_LINE_MIN && endsOpen(text, previous);
}

/** The opening clause of a paragraph framed by subject + 要/必须 (start, end), or null. */
function modalOpening(text: string, start: number, end: number): { start: number; end: number } | null {
  OPENERS.lastIndex = start;
  const s = start + OPENERS.exec(text)![0].length;
  MODAL_FRAME.lastIndex = s;
  if (end - s <= MIN_CONTINUATION || !MODAL_FRAME.test(text) || MODAL_FRAME.lastIndex > end) return null;
  if (ENUMERATED.test(text.slice(s, s + MAX_MODAL_LEAD_CHARS))) return null;
  OPENING_CLAUSE.lastIndex = s;
  OPENING_CLAUSE.test(text);
  return { start: s, end: Math.min(end, OPENING_CLAUSE.lastIndex) };
}

/** Runs of MIN_FRAME_GROUP or more paragraphs in a row that open with the modal frame. */
function modalLeads(src: Source, directiveStarts: ReadonlySet<number>): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let run: { start: number; end: number }[] = [];
  const close = (): void => {
    if (run.length >= MIN_FRAME_GROUP) found.push(...run);
    run = [];
  };
  for (let i = 0; i < src.paras.length; i++) {
    const para = src.paras[i]!;
    const o = wrapped(src.folded, src.paras, i) ? null : modalOpening(src.folded, para.start, para.end);
    if (o && !directiveStarts.has(o.start)) run.push(o);
    else close();
  }
  close();
  return found;
}

/** Finds parallel paragraph leads; `directives` mark paragraphs that are enumerated items instead. */
export function findLeads(src: Source, directives: readonly DetectedItem[]): DetectedItem[] {
  const { folded: text, original, paras } = src;
  const directiveStarts = new Set(directives.map((d) => d.start));
  const groups = new Map<string, Opening[]>();
  const framed = new Map<string, { start: number; end: number }[]>();
  for (let i = 0; i < paras.length; i++) {
    const para = paras[i]!;
    if (wrapped(text, paras, i)) continue;
    const f = framedOpening(text, para.start, para.end);
    if (f && !directiveStarts.has(f.start)) framed.set(f.clause, [...(framed.get(f.clause) ?? []), f]);
    const o = openingOf(text, para.start, para.end, i);
    if (!o || directiveStarts.has(o.start)) continue;
    const subhead = o.heading && !NOT_A_SUBHEAD.test(o.sentence) && followedByBody(text, paras, i);
    const parts = o.sentence.split(CLAUSE_BREAK);
    const balanced = isBalancedPair(parts);
    if (o.heading && balanced) addTo(groups, `heading${o.markup}`, o);
    // Subheads: short lines of their own over a body paragraph, marked up alike (**…**, ### …) or plain.
    if (subhead && o.sentence.length <= MAX_SUBHEAD_CHARS) addTo(groups, o.markup ? `m:${o.markup}` : 'plain', o);
    if (!o.continues) continue;
    if (balanced) addTo(groups, 'couplet', o);
    if (isTopicSentence(o)) addTo(groups, 'topic', o);
    if (o.dashed) addTo(groups, 'dash', o);
    addTo(groups, `p:${parts.length}:${o.sentence.slice(0, PREFIX_CHARS)}`, o);
    if (o.sentence.length > SUFFIX_CHARS) addTo(groups, `s:${o.sentence.slice(-SUFFIX_CHARS)}`, o);
  }
  const leads = new Set<Opening>();
  const shaped: Opening[][] = [];
  for (const [key, members] of groups) {
    if (SHAPE_ONLY.has(key)) {
      // A shape alone makes a series only where its members follow one another.
      for (const run of runs(members)) if (run.length >= minimumGroup(key) && (key !== 'plain' || similarLengths(run))) shaped.push(run);
      continue;
    }
    if (members.length < minimumGroup(key)) continue;
    if (key.startsWith('p:') && !similarLengths(members)) continue;
    for (const o of members) leads.add(o);
  }
  // Leads are the outline's top level: a run found by shape alone inside the section of a series found otherwise is a level below.
  const top = [...leads].map((o) => o.index);
  for (const run of shaped) {
    const inside = top.some((i) => i < run[0]!.index) && top.some((i) => i > run[run.length - 1]!.index);
    if (!inside) for (const o of run) leads.add(o);
  }
  const spans: { start: number; end: number }[] = [...leads];
  const taken = new Set(spans.map((o) => o.start));
  for (const members of framed.values()) {
    if (members.length < MIN_FRAME_GROUP) continue;
    for (const f of members) if (!taken.has(f.start)) spans.push(f);
    for (const f of members) taken.add(f.start);
  }
  for (const o of modalLeads(src, directiveStarts)) if (!taken.has(o.start)) spans.push(o);
  return spans.map((o) => ({
    kind: 'lead',
    marker: null,
    text: squeeze(original.slice(o.start, o.end)),
    start: o.start,
    end: o.end,
    rank: 0,
    series: -1,
  }));
}
