/**
 * Leads: parallel paragraph leads (LABELING.md "leads") — paragraphs, two or
 * more, that open with the same rhetorical frame and carry the main points.
 *
 * Every paragraph's opening sentence is read once (only its first few dozen
 * characters). A short opening sentence is a candidate; candidates form a
 * group when they share a frame:
 *  - the same opening words or the same closing words (要把……摆在更加突出的位置,
 *    抓住“…”，以…, 城市更新…？, ——…);
 *  - the same balanced two-clause shape: as a heading line of its own
 *    (走进田野，读懂乡村的变化 / 坚持党的领导 服务工作大局) or as the opening couplet
 *    of a longer paragraph (春风催新绿，实干开新局。);
 *  - a subject and a modal verb, 要 or 必须, in the opening clause of three or
 *    more paragraphs in a row (沿江各县要… / 山区各乡镇要… / 城区各街道要…):
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
/** Shortest heading line with markup or a question/cry mark (为何建？ counts its mark). */
const MIN_MARKED_HEADING_CHARS = 4;
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
/** Shared opening words that make a frame (要把…, 抓住…). */
const PREFIX_CHARS = 2;
/** Shared closing words (of the opening sentence) that make a frame (…摆在更加突出的位置). */
const SUFFIX_CHARS = 4;
/** Sentences of one frame differ in length by at most this much (openers of any length sharing two characters are not a frame). */
const FRAME_LENGTH_SLACK = 4;
/** A lead opens a paragraph: at least this much text follows its opening sentence. */
const MIN_CONTINUATION = 20;
/** Two balanced clauses: each this long at least and at most, the longer at most twice the shorter. */
const CLAUSE_MIN = 3;
const CLAUSE_MAX = 12;
const CLAUSE_RATIO = 2;
/** Clauses of a two-clause frame are words (and quotes), not dates or sources: 2024-05-31来源:《某某日报》. */
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
/** A modal lead is cut at its opening clause's end, or at this length (沿江及山区…等重点乡镇要按照…要求). */
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
  /** A heading line that ends with 。 (the mark is not part of `sentence`). */
  period: boolean;
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
  let markEnd = -1;
  if (stop < limit && QUESTION_OR_CRY.has(text.charAt(stop)) && onlyClosersAfter(text, stop + 1, end)) {
    sentenceEnd = stop + 1; // a question or a cry on a line of its own is a heading (为何建？)
    heading = true;
  } else if (stop < limit && onlyClosersAfter(text, stop + 1, end)) {
    // One sentence on a line of its own is a heading line too, whatever its end mark (——作风是无声的号令。).
    sentenceEnd = stop;
    markEnd = stop + 1;
    heading = true;
  } else if (stop < limit) sentenceEnd = stop;
  else if (limit === end) {
    sentenceEnd = end;
    while (sentenceEnd > s && CLOSERS.has(text.charAt(sentenceEnd - 1))) sentenceEnd--;
    heading = true;
  } else return null;
  const sentence = text.slice(s, sentenceEnd);
  MARKUP.lastIndex = start;
  const markup = MARKUP.test(text) ? text.slice(start, MARKUP.lastIndex) : '';
  // A heading line marked up or ending in ？/！ may be shorter (难在哪里？): its markup or mark sets it apart from a label.
  const shortest = heading && (markup !== '' || QUESTION_OR_CRY.has(sentence.charAt(sentence.length - 1))) ? MIN_MARKED_HEADING_CHARS : MIN_LEAD_CHARS;
  if (sentence.length < shortest || ENUMERATED.test(sentence)) return null;
  const continues = !heading && end - sentenceEnd > MIN_CONTINUATION;
  const markedEnd = markEnd > 0 ? markEnd : heading ? sentenceEnd : sentenceEnd + 1;
  return { start: s, end: markedEnd, sentence, heading, dashed, continues, markup, index, period: markEnd > 0 };
}

function isBalancedPair(parts: readonly string[]): boolean {
  const clauses = parts.filter((c) => c.length > 0);
  if (clauses.length !== 2 || !clauses.every((c) => WORDS_ONLY.test(c))) return false;
  const [a, b] = [clauses[0]!.length, clauses[1]!.length];
  const short = Math.min(a, b);
  const long = Math.max(a, b);
  return short >= CLAUSE_MIN && long <= CLAUSE_MAX && long <= short * CLAUSE_RATIO;
}

/**
 * The style of a subhead line without markup: its dash and its end mark. The
 * subheads of one article are written alike (all questions, all with a dash,
 * all bare), so lines of one style form a series wherever they stand: the
 * sections under them may be long.
 */
function lineStyle(o: Opening): string {
  const last = o.sentence.charAt(o.sentence.length - 1);
  const end = o.period ? '。' : last === '?' || last === '？' ? '？' : last === '!' || last === '！' ? '！' : '';
  return `${o.dashed ? '—' : ''}${end}`;
}

/** Subheads of one series differ in length by at most this much, or by half the shorter one. */
function subheadLengths(members: readonly Opening[]): boolean {
  const [min, max] = lengthRange(members);
  return max - min <= Math.max(FRAME_LENGTH_SLACK, min / 2);
}

/** Two clauses of one length (a couplet: 守正创新，勇毅前行). */
function evenPair(parts: readonly string[]): boolean {
  const clauses = parts.filter((c) => c.length > 0);
  return clauses.length === 2 && clauses[0]!.length === clauses[1]!.length;
}

function minimumGroup(key: string): number {
  if (key.startsWith('heading') || key.startsWith('m:') || key.startsWith('sub:')) return MIN_HEADING_GROUP;
  if (key === 'dash') return MIN_DASH_GROUP;
  return MIN_FRAME_GROUP;
}

/**
 * Groups made by a shape alone, without shared words: couplets, plain short
 * lines, short topic sentences. Such a group is a series only where its
 * members follow one another (RUN_GAP); scattered couplets are an author's
 * style, not an outline.
 */
const SHAPE_ONLY = new Set(['couplet', 'topic']);
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

/** Longest subhead line (a heading of its own: 凝心聚力谋发展, 为何建？). */
const MAX_SUBHEAD_CHARS = 20;
/**
 * Lines that are no subheads although they stand alone: a label with a colon
 * (时间：, 来源：), a date, a time, a source or a byline, a figure caption.
 */
const NOT_A_SUBHEAD = /[：:|\d（(]|\t| {2,}|\u3000{2,}|记者|通讯员|编辑|责编|摄影|摄$|^(?:来源|作者|图|据)/;

/** Whether paragraph i is followed by body text (a paragraph longer than a heading). */
function followedByBody(text: string, paras: readonly Paragraph[], i: number): boolean {
  const next = paras[i + 1];
  return next !== undefined && next.end - next.start > MAX_LEAD_CHARS && !endsOpen(text, next);
}

/** Shortest and longest opening sentence that states a paragraph's topic (稳住农业基本盘。). */
const TOPIC_MIN = 6;
const TOPIC_MAX = 16;
/** A topic sentence is one clause of words: no comma, no digits, no quotes of speech. */
const TOPIC_SENTENCE = /^[\u4e00-\u9fff“”‘’「」]+$/;

/** Whether an opening sentence is a short topic sentence ending in 。 with body text after it. */
function isTopicSentence(o: Opening): boolean {
  return o.sentence.length >= TOPIC_MIN && o.sentence.length <= TOPIC_MAX && TOPIC_SENTENCE.test(o.sentence);
}

/** Longest opening clause that makes a frame by itself (这一年里，/ 到2035年，/ 再出发，). */
const MAX_FRAME_CLAUSE = 10;
const MIN_FRAME_CLAUSE = 3;
/**
 * Opening clauses that repeat but frame nothing: the date, time or place of an
 * event (5月12日上午，), a source (据…, 记者…), a connective (同时，此外，), a
 * speaker's turn (…表示，…指出，), a narration in order (第一组…, 第二位…).
 */
const NOT_A_FRAME =
  /^(?:据|记者|同时|此外|另外|而且|并且|但是|不过|因此|因而|所以|于是|然而|而|其中|随后|之后|然后|接着|此前|目前|当前|近年来|近日|日前|今年|去年|过去|当天|当日|上午|下午|晚上|其次|最后|首先|对此|为此|总之|总而言之|综上|可见|事实上|实际上|其实|当然|不仅如此|与此同时|除此之外|尤其|特别是|比如|例如|换言之|也就是说)|^[\d一二三四五六七八九十〇]{1,4}[年月]|[日晚时午]$|(?:说|表示|指出|强调|认为|介绍|称|提出|谈到|坦言|回忆|要求|希望|说道|透露|直言|感慨)$|第[一二三四五六七八九十\d]+[组位个名批轮次天期届]/;

/** A framed lead is marked to its sentence's end, or to its last clause break within this many characters. */
const MAX_FRAMED_LEAD_CHARS = 40;
/** The opening sentence, up to MAX_FRAMED_LEAD_CHARS, read after the clause. */
const FRAMED_SENTENCE = new RegExp(`[^。！？!?；;]{0,${MAX_FRAMED_LEAD_CHARS}}`, 'y');

/** A paragraph's opening clause of any length up to MAX_FRAMED_LEAD_CHARS, read at its start, with the mark after it. */
const ANY_CLAUSE = new RegExp(`[^，,：:；;。！？!?\\n]{${MIN_FRAME_CLAUSE},${MAX_FRAMED_LEAD_CHARS}}(?=[，,：:；;。！？!?])`, 'y');
/** Shared opening words of an anaphora (我们坚信… ×3, 必须坚持… ×3): this many characters, all words. */
const ANAPHORA_CHARS = 4;
/**
 * An anaphora is the speaker's own voice (我们坚信…, 这是…, 让我们…) or the
 * verbs of an exhortation (必须坚持…, 始终…, 只有…): repeated opening words
 * that are a noun subject are the topic of the text, not a frame (a law's
 * paragraphs all opening with the body they bind, an essay's with the group it
 * discusses, a report's with a span of time).
 */
const ANAPHORA_OPENING =
  /^(?:我们|你们|咱们|让我们|这是|这就是|没有|只有|唯有|必须|务必|要|坚持|始终|一定要|永远|绝不|决不|不能|不忘|牢记|勇于|敢于|善于|既要|更要|还要|坚决|坚定|依靠|围绕|聚焦|立足|着眼)/;
/** A frame with a varying middle (要把…摆在更加突出的位置): its shared opening and closing characters. */
const FRAME_HEAD_CHARS = 2;
const FRAME_TAIL_CHARS = 3;
/** Words only (no digits, punctuation or Latin letters). */
const CJK_ONLY = /^[\u4e00-\u9fff]+$/;
/**
 * An opening clause that names a person or an office is narration or a
 * speaker's turn (书记…来到…, 王教授…), however the clauses go on: names are
 * not frames (LABELING.md leads).
 */
const NAMES_A_PERSON = /书记|主席|总理|部长|省长|市长|县长|区长|镇长|乡长|村长|主任|同志|先生|女士|院士|教授|专家|代表|委员|负责人|记者|老师|师傅|大爷|大妈|阿姨|告诉/;

/**
 * A paragraph whose opening clause may be a frame shared with others, and the
 * keys of the frames it may share: the whole clause when it is short (这一年里，有… /
 * 到2035年，… / 再出发，让我们…; digits folded, so 到2020年 and 到2035年 are
 * one frame), its first words (an anaphora: 我们坚信…), or its first and last
 * words around a varying middle (要把…摆在更加突出的位置). Read however long the
 * opening sentence runs; the paragraph must go on after it. Null when the
 * clause repeats without framing anything (NOT_A_FRAME, names).
 */
function framedOpening(text: string, start: number, end: number): { keys: string[]; clause: string; start: number; end: number } | null {
  OPENERS.lastIndex = start;
  const s = start + OPENERS.exec(text)![0].length;
  ANY_CLAUSE.lastIndex = s;
  const m = ANY_CLAUSE.exec(text);
  if (!m || m.index !== s || end - s <= m[0].length + MIN_CONTINUATION) return null;
  const clause = m[0];
  if (NOT_A_FRAME.test(clause) || ENUMERATED.test(clause) || NAMES_A_PERSON.test(clause)) return null;
  const keys: string[] = [];
  const mark = text.charAt(s + clause.length);
  if (clause.length <= MAX_FRAME_CLAUSE && (mark === '，' || mark === ',') && WORDS_OR_YEAR.test(clause)) keys.push(`c:${clause.replace(/\d/g, '0')}`);
  const head = clause.slice(0, ANAPHORA_CHARS);
  if (head.length === ANAPHORA_CHARS && CJK_ONLY.test(head) && ANAPHORA_OPENING.test(head)) keys.push(`a:${head}`);
  if (clause.length >= FRAME_HEAD_CHARS + FRAME_TAIL_CHARS + 1) {
    const ends = clause.slice(0, FRAME_HEAD_CHARS) + clause.slice(-FRAME_TAIL_CHARS);
    if (CJK_ONLY.test(ends)) keys.push(`e:${ends}`);
  }
  if (keys.length === 0) return null;
  FRAMED_SENTENCE.lastIndex = s;
  let stop = Math.min(end, s + FRAMED_SENTENCE.exec(text)![0].length);
  if (stop < end && stop - s < MAX_FRAMED_LEAD_CHARS) stop++;
  else {
    // Searched within the sentence only: from the end of the text, a comma that is not there would be looked for back to its start.
    const sentence = text.slice(s, stop);
    const lastBreak = s + Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(','));
    if (lastBreak > s + Math.min(clause.length, MAX_FRAME_CLAUSE)) stop = lastBreak;
  }
  return { keys, clause, start: s, end: stop };
}

/** A frame clause is words, with at most a year in it (到2035年): no dates, times or figures of an event. */
const WORDS_OR_YEAR = /^[\u4e00-\u9fff“”‘’]*(?:\d{4}年[\u4e00-\u9fff]*)?$/;

/** Shortest and longest opening sentence of a group. */
function lengthRange(members: readonly Opening[]): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const o of members) {
    min = Math.min(min, o.sentence.length);
    max = Math.max(max, o.sentence.length);
  }
  return [min, max];
}

function similarLengths(members: readonly Opening[]): boolean {
  const [min, max] = lengthRange(members);
  return max - min <= FRAME_LENGTH_SLACK;
}

function addTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
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
export function findLeads(src: Source, directives: readonly DetectedItem[], title: string | null = null): DetectedItem[] {
  const { folded: text, original, paras } = src;
  const titleKey = title === null ? null : squeeze(title).replace(/^[#*]+|[*。]+$/g, '');
  const directiveStarts = new Set(directives.map((d) => d.start));
  const groups = new Map<string, Opening[]>();
  const framed = new Map<string, { clause: string; start: number; end: number }[]>();
  for (let i = 0; i < paras.length; i++) {
    const para = paras[i]!;
    if (wrapped(text, paras, i)) continue;
    const f = framedOpening(text, para.start, para.end);
    if (f && !directiveStarts.has(f.start)) for (const key of f.keys) addTo(framed, key, f);
    const o = openingOf(text, para.start, para.end, i);
    if (!o || directiveStarts.has(o.start)) continue;
    const subhead = o.heading && !NOT_A_SUBHEAD.test(o.sentence) && followedByBody(text, paras, i);
    const parts = o.sentence.split(CLAUSE_BREAK);
    const balanced = isBalancedPair(parts);
    // A sentence with 。 on a line of its own is a heading only over body text, and only with a dash or markup
    // (——作风是无声的号令。) or as a couplet of clauses of one length (守正创新，勇毅前行。): a law's
    // one-sentence articles and a news report's one-sentence paragraphs are prose.
    const periodHeading = !o.period || (subhead && (o.dashed || o.markup !== '' || (balanced && evenPair(parts))));
    if (o.heading && balanced && periodHeading) addTo(groups, `heading${o.markup}`, o);
    // Subheads: short lines of their own over a body paragraph, marked up alike (**…**, ### …) or plain.
    if (subhead && o.sentence.length <= MAX_SUBHEAD_CHARS && periodHeading) {
      if (o.markup) addTo(groups, `m:${o.markup}`, o);
      else if (squeeze(o.sentence) !== titleKey) addTo(groups, `sub:${lineStyle(o)}`, o); // the title is no subhead
    }
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
      for (const run of runs(members)) if (run.length >= minimumGroup(key)) shaped.push(run);
      continue;
    }
    if (members.length < minimumGroup(key)) continue;
    if (key.startsWith('p:') && !similarLengths(members)) continue;
    if (key.startsWith('sub:') && !subheadLengths(members)) continue;
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
  for (const [key, members] of framed) {
    if (members.length < MIN_FRAME_GROUP) continue;
    // A frame's middle varies (要把…摆在…的位置): the same clause over and over is a repeat, not a frame.
    if (key.startsWith('e:') && new Set(members.map((f) => f.clause)).size < MIN_FRAME_GROUP) continue;
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
