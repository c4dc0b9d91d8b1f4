/**
 * Slogans and formulations (提法; LABELING.md "slogans").
 *
 * Two sources, each one regex pass: set phrases in quote marks (“ ” 「 」 『 』
 * ‘ ’) of at most 30 characters that are not quoted speech (no sentence end
 * inside) and not a day name; and unquoted numbered formulations found by
 * their shape — plan names (十四五), N字N字 pairs (三严三实, 两学一做),
 * N个/N大 + a noun that is not a plain count (两个大局, 两大主题), N件大事 —
 * plus a short list of common ones (data/formulations.ts). Quotes that hold
 * someone's words (after a colon or a verb of saying) or a title (beside a
 * genre word) are left out; a count is told from a formulation by its word
 * (a concrete, countable thing) and by a narrating word before it. Then every
 * distinct formulation is marked at every place it occurs.
 */
import { COUNT_NOUNS, HOLIDAYS, KNOWN_FORMULATIONS, NUMBER_IDIOMS } from './data/formulations';
import type { Source } from './normalize';
import type { DetectedItem } from './types';

/** Longest formulation (LABELING.md: set phrases of at most 30 characters). */
const MAX_SLOGAN_CHARS = 30;
/** Shortest formulation: a single quoted character is a scare quote. */
const MIN_SLOGAN_CHARS = 2;
/**
 * Formulations this short are marked only where they stand in quotes: 五好
 * is a formulation in “五好”村级组织 but two ordinary characters elsewhere.
 */
const QUOTED_ONLY_MAX_CHARS = 2;
/** Quoted phrases; the inner length bound keeps unbalanced quotes linear. */
const QUOTED = /“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』|‘([^‘’\n]{1,40})’/g;
/** A sentence end inside quotes makes them quoted speech. */
const SPEECH = /[。！？!?；;]/;
/** One sentence end just before the closing quote is tolerated: “青春建功，奋斗有我！”. */
const TRAILING_END = /[。！!]$/;
/** A commemorative day or festival of the calendar (国际…日, 世界…日, 全民…日, …纪念日): a name, not a formulation. */
const DAY_NAME = /^(?:国际|世界|全球|全国|全民)[\u4e00-\u9fff]{1,10}[日节]$|纪念日$/;
/** Quoted numbers, dates and measures are not formulations. */
const NOT_A_PHRASE = /^[\d\s.,:：%％\-—~年月日号时分秒]+$/;
/** Chinese numerals that open numbered formulations (双 as in 一岗双责). */
const NUMERAL = '一两二三四五六七八九十双';
const NUMERAL_SET = new Set(NUMERAL);
/** Characters that make N?N? a count or a date, not a formulation (三个月, 五届一次). */
const MEASURE = new Set('个次年月日天周名位种项条件届期号岁元万亿千百章节级层批所家人地方面餐顿回趟遍场轮');
/** First characters that make N个XX / N大XX a count of time or people (三个月内, 两个多小时). */
const COUNT_START = new Set('月人小星年多百千万亿天周次点分秒层级批洲');
const CJK = '\\u4e00-\\u9fff';

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Known formulations first (longest first), then the shapes. */
const NUMBERED = new RegExp(
  [
    [...KNOWN_FORMULATIONS].sort((a, b) => b.length - a.length).map(escape).join('|'),
    `十[一二三四五]五(?![岁个年月日号次名位万亿千百元%])`,
    `[${NUMERAL}][${CJK}][${NUMERAL}][${CJK}]`,
    `[两二三四五六七八九十][个大][${CJK}]{2}`,
    `[两二三四五六七八九十]件大事`,
  ].join('|'),
  'g',
);
const KNOWN = new Set(KNOWN_FORMULATIONS);
const HOLIDAY_SET = new Set(HOLIDAYS);
const IDIOMS = new Set(NUMBER_IDIOMS);
const COUNT_NOUN_SET = new Set(COUNT_NOUNS);

/** The formulation inside a quote pair, or null when the quote holds something else. */
function quotedPhrase(inner: string): string | null {
  let phrase = inner.trim();
  phrase = phrase.replace(TRAILING_END, '');
  if (phrase.length < MIN_SLOGAN_CHARS || phrase.length > MAX_SLOGAN_CHARS) return null;
  if (SPEECH.test(phrase) || NOT_A_PHRASE.test(phrase) || HOLIDAY_SET.has(phrase) || DAY_NAME.test(phrase)) return null;
  return phrase;
}

/**
 * Characters of concrete, countable things — places, bodies, people, written
 * units, cases, views (乡镇, 部门, 班子, 案例, 字, 维度, 视角): N个 + a word
 * holding one is a count (五个乡镇, 三个维度), however new the word. A
 * formulation's word is abstract: a verb, a stance or a quality (五个坚持,
 * 两个维护, 四个自信, 两个大局 — the known list holds the few exceptions).
 */
const CONCRETE = new Set('村乡镇县市省区街巷部门局厅委办组班队校院所站厂店户家人员字词句页篇章例件名角度点片处间座栋台辆类种粮食品物钱车房楼路桥山河湖');
/** Characters that cannot open a formulation's word: function words (三个的单, 两个是否). */
const FUNCTION_START = new Set('的了是在和与及或都也还就又而被把将向对从于以为着过吗呢吧');
/** Second characters of ordinary words opening with 一 (一样, 一起, 一些…): N个 + such a word is no formulation. */
const ORDINARY_YI = new Set('样般起定些直切点下旦再同共致道边齐向半');
/** Characters just before N个 that make it a count in narration (通报了四个案例, 这三个字, 由三个部门, 前三个). */
const COUNT_BEFORE = new Set('了这那该每各前后约近共仅有由和与及等');

/** Whether a shape match is a numbered formulation rather than a count, date or idiom. */
function isNumberedFormulation(word: string, before: string): boolean {
  if (KNOWN.has(word)) return true;
  if (NUMERAL_SET.has(before) || before === '第') return false;
  const second = word.charAt(1);
  if (word.length === 3) return true; // 十四五: the lookahead already refused 十五岁-like counts
  if (word.endsWith('件大事')) return true;
  if (second === '个' || second === '大') {
    const noun = word.slice(2);
    if (COUNT_BEFORE.has(before) || FUNCTION_START.has(noun.charAt(0)) || [...noun].some((c) => CONCRETE.has(c))) return false;
    if (noun.charAt(0) === '一') return !MEASURE.has(noun.charAt(1)) && !ORDINARY_YI.has(noun.charAt(1)); // 三个一律, not 三个一样
    return !COUNT_NOUN_SET.has(noun) && !COUNT_START.has(noun.charAt(0)) && !NUMERAL_SET.has(noun.charAt(0));
  }
  // N X N Y: both X and Y are words, not measures or numerals; 一X一Y is an idiom shape (一心一意).
  const fourth = word.charAt(3);
  if (IDIOMS.has(word) || (word.charAt(0) === '一' && word.charAt(2) === '一')) return false;
  return !MEASURE.has(second) && !MEASURE.has(fourth) && !NUMERAL_SET.has(second) && !NUMERAL_SET.has(fourth);
}

/** How many characters an N个/N大 word may run on past its first two (三大攻坚战, 两个毫不动摇). */
const MAX_RUN_ON = 2;
/** Characters that end a word where the text gives no mark: particles and conjunctions (两个毫不动摇的, 三大攻坚战和). */
const WORD_END = new Set('的和与及等是');
/** Characters that cannot continue a formulation's word: function words and place words (两大主题下, 三个坚持中). */
const NO_RUN_ON = new Set([...FUNCTION_START, ...'上下中内外里间前后等要']);

function endsWord(text: string, at: number): boolean {
  const c = text.charAt(at);
  return c === '' || !/[\u4e00-\u9fff]/.test(c) || WORD_END.has(c);
}

/**
 * Where an N个/N大 formulation ends: its shape takes two characters after
 * N个/N大, but the word runs on to the next boundary the text gives (a
 * punctuation mark, 的, a conjunction) when that boundary is at most
 * MAX_RUN_ON characters further and the run holds no function word, place
 * word or concrete thing (三大攻坚战，; 两个毫不动摇的). Without such a
 * boundary the shape's four characters stand.
 */
function wholeFormulation(text: string, at: number, word: string): string {
  const second = word.charAt(1);
  if (word.length !== 4 || (second !== '个' && second !== '大') || KNOWN.has(word)) return word;
  const end = at + word.length;
  if (endsWord(text, end)) return word;
  for (let extra = 1; extra <= MAX_RUN_ON; extra++) {
    const c = text.charAt(end + extra - 1);
    if (!/[\u4e00-\u9fff]/.test(c) || NO_RUN_ON.has(c) || CONCRETE.has(c)) return word;
    if (endsWord(text, end + extra)) return text.slice(at, end + extra);
  }
  return word;
}

/**
 * What stands before a quote that makes it someone's words: a colon (他说：“…”)
 * or a verb of saying right before it (都说“…”, 告诉记者“…”).
 */
const SPEECH_BEFORE = /(?:[：:]\s*|[说道问喊讲称答叹]|表示|告诉[^，。\s]{0,4}|回答|感慨|直言)$/;
/** What stands before or after a quote that makes it the title of a work or a column: 电影“…”, “…”专栏. */
const TITLE_BEFORE = /(?:电影|影片|电视剧|纪录片|动画片|歌曲|歌|小说|图书|书籍|著作|诗|话剧|舞剧|戏曲|剧目|节目|栏目|专栏|公众号|频道)$/;
const TITLE_AFTER = /^(?:专栏|栏目|节目|公众号|频道|客户端|一书|一文|一诗|一歌)/;
/** How many characters before a quote are read for these. */
const CONTEXT_CHARS = 8;

/** Whether the quote at `open` (its opening mark) … `close` (just past its closing mark) holds speech or a title. */
function speechOrTitle(text: string, open: number, close: number): boolean {
  const before = text.slice(Math.max(0, open - CONTEXT_CHARS), open);
  return SPEECH_BEFORE.test(before) || TITLE_BEFORE.test(before) || TITLE_AFTER.test(text.slice(close, close + 3));
}

/** Distinct formulations of the text, each with whether it may be marked where it stands unquoted. */
function distinctFormulations(text: string): Map<string, boolean> {
  const found = new Map<string, boolean>();
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m !== null; m = QUOTED.exec(text)) {
    const phrase = speechOrTitle(text, m.index, m.index + m[0].length) ? null : quotedPhrase(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
    if (phrase !== null && !found.has(phrase)) found.set(phrase, phrase.length > QUOTED_ONLY_MAX_CHARS);
    QUOTED.lastIndex = m.index + 1; // look inside too: “…打好‘组合拳’”
  }
  NUMBERED.lastIndex = 0;
  for (let m = NUMBERED.exec(text); m !== null; m = NUMBERED.exec(text)) {
    if (isNumberedFormulation(m[0], text.charAt(m.index - 1))) found.set(wholeFormulation(text, m.index, m[0]), true);
  }
  return found;
}

const OPENING_QUOTES = new Set('“「『‘');

/** Finds every occurrence of every formulation. */
export function findSlogans(src: Source): DetectedItem[] {
  const { folded: text, original } = src;
  const items: DetectedItem[] = [];
  for (const [phrase, unquotedToo] of distinctFormulations(text)) {
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
      if (!unquotedToo && !OPENING_QUOTES.has(text.charAt(at - 1))) continue;
      const end = at + phrase.length;
      items.push({ kind: 'slogan', marker: null, text: original.slice(at, end), start: at, end, rank: -1, series: -1 });
    }
  }
  return items;
}
