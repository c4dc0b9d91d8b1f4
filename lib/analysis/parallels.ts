/**
 * Parallel series (排比短语; LABELING.md "parallels"): three or more short
 * items of the same shape that the text uses as one unit — 听民意、解民忧、排民难;
 * 比作风、比本领、比服务、比奉献; 一种肯定，一种被允许，一种赏识.
 *
 * Two regex scans find runs of Chinese words separated by 、 and by ，. The
 * middle items fix the series' shape (their length and any shared first or
 * last characters); the first item loses the governing verb before it
 * (开展听民意 → 听民意) and the last the words after it (排民难的各项活动 →
 * 排民难). A run separated by ， must share its opening words, or it is just a
 * sentence of clauses. A 、-series is no unit where the words around it leave
 * it an open list (…等, ……, …和D, a stretch of a longer list) or a law's
 * condition (…的；), unless they close it: a conjunction joining a last word of
 * the series' shape (A体系、B体系、C体系和D体系), or 等 after items that repeat a
 * word (如何选题、如何深入、如何转化等). Prepositions and 的 before a series, and a count of its
 * items or 中 after it, say where it begins and ends (从A、B、C三个方面). A third scan finds pairs of items of one length joined by
 * 、, the pairs by ， (统筹兼顾、突出重点，上下联动、合力攻坚): the alternation is
 * the shape. In a ，-run, whole clauses (a clause boundary on both sides, never
 * cut) make a series where three or more in a row begin alike, or have one
 * length and end alike or share a character at one place (有效引领青年，广泛组织
 * 青年，竭诚服务青年; 五次登台，四次答辩，三次失利) — the shapes a 、-series has.
 */
import type { Source } from './normalize';
import type { DetectedItem } from './types';

/** Item length bounds (LABELING.md: items of 2–7 characters). */
const MIN_ITEM = 2;
const MAX_ITEM = 7;
/** Clause items in a ，-separated series may be a little longer (一种被允许 / 允许个性的张扬). */
const MAX_CLAUSE_ITEM = 9;
/** A series needs this many items. */
const MIN_ITEMS = 3;
/** 、 joins the items of an enumeration. A regex, not a string: V8 splits a short string at a regex in half the time (0.016 against 0.031 ms for a 20,000-character article's runs). */
const ENUMERATION_COMMA = /、/;
/** ， or , join clauses. */
const CLAUSE_COMMA = /[，,]/;

/**
 * Runs of Chinese words joined by single separators, at least MIN_ITEMS words
 * (two separators or more). A match starts at the run's first separator, so
 * that the scan skips from separator to separator (a literal is found by a fast
 * native search; a pattern opening with a character class is tried at every
 * character); the lookbehind captures the run's first word, which must start
 * the run (no Chinese character before it). Group 1 is that first word, the
 * match the rest of the run. A regex scan runs as native code from the first
 * call; a character loop in JavaScript runs in the interpreter until V8 has
 * optimised it, which on a freshly loaded page is the whole first call.
 */
const ENUMERATION_RUN = /、(?<=(?<![\u4e00-\u9fff])([\u4e00-\u9fff]+)、)[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)+/g;
const CLAUSE_RUN = /[，,](?<=(?<![\u4e00-\u9fff])([\u4e00-\u9fff]+)[，,])[\u4e00-\u9fff]+(?:[，,][\u4e00-\u9fff]+)+/g;
/**
 * A ，-series keeps only items with shared openings, and its second and third
 * items stand in the run unchanged: a run in which no two words after the
 * first begin alike holds none (most sentences), and is not split.
 */
const CLAUSES_BEGIN_ALIKE = /[，,]([\u4e00-\u9fff])[\u4e00-\u9fff]*[，,]\1/;

/**
 * Pairs of items joined by 、, the pairs by ， (提前布置、逐项检查，上下联动、限时办结):
 * a run of two pairs or more, found like the runs above from the first 、. Group 1
 * is the first word; the match ends at the last word, which no 、 may follow.
 */
const PAIR_RUN = /、(?<=(?<![\u4e00-\u9fff、])([\u4e00-\u9fff]+)、)[\u4e00-\u9fff]+(?:[，,][\u4e00-\u9fff]+、[\u4e00-\u9fff]+)+(?![、\u4e00-\u9fff])/g;
/** Pairs of items have one length from this up to MAX_ITEM: 四字格 and their kin (shorter items in pairs are names as often) (增强信心、奋发有为; 坚定跟党奋进、无惧风雨挑战). */
const MIN_PAIR_ITEM = 4;

/**
 * Where the last item of a series ends before the words that follow it: 畅通高效的服务体系, 体育等单位.
 * 等 closes a list only after a whole item of two characters or more; nearer the word's start it is
 * part of a word (不等, 平等, 均等化, 高等教育).
 */
const LIST_END = /的|(?<=^[\u4e00-\u9fff]{2,})等/;
/** The same where the items hold 的 themselves (物质需要的权利、…、感情需求的权利等). */
const LIST_END_WORD = /(?<=^[\u4e00-\u9fff]{2,})等/;
/**
 * Words after which a list begins: prepositions and coverbs that govern one
 * (从A、B、C三个方面; 通过A、B、C; 在A、B、C中) and a modifier's 的.
 */
const OPENING_CUE = /(?:[的从在以对把将向由于]|通过|经过|围绕|按照|依照|依据)$/;
/** Words with which a list ends: a count of its items (三个方面, 三管齐下, 几项) or a localizer (中). */
const CLOSING_CUE = /^(?:[一二两三四五六七八九十几多][个项大种条类管方者]|中)/;
/** The particle that closes a modifier. */
const PARTICLE = '的';
/**
 * Function characters that make no shape when they are all the items share:
 * 来/去 + verb is a purpose clause (来思考、来谋划、来推进), 本/各/该/此 + noun a
 * list of scopes (本区域、本行业、本单位).
 */
const FUNCTION_HEADS = /^[来去本各该此]$/;
/**
 * Pronouns, degree adverbs, aspect and modal particles mark a clause of
 * narration or talk (我们去了公园，玩得非常开心), not a phrase of a plain series
 * (了解, 着力 are verbs; 自我, 其他 words of their own).
 */
const NARRATION = /(?<!自)我|(?<!其)[他它]|[你她很吗呢吧啊]|了(?!解)|着(?![力眼手重想])/;
/** The aspect particle shared at one place makes no shape (今天开了会，大家发了言，会后吃了饭: narration). */
const ASPECT_PARTICLE = '了';
/** Numerals stand for one another at one place (树立一种理念、守住两条底线、办好三件实事). A set: one character is looked up per place and word. */
const NUMERALS = new Set('一二两三四五六七八九十百千万');
/**
 * A series closed by 的 and a clause break stands for the persons or acts it
 * describes (泄露信息、私下收费、刁难群众的，…): a law's condition, not a unit of style.
 */
const CONDITION_END = /的[，；。,;]/y;
/** The commonest Chinese surnames (compound ones by their first character: 欧阳, 司马, 诸葛, 上官). */
const SURNAME = /[王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱覃戴莫孔汤欧司诸上]/;
/** Names are at most this long (surname and given name, 王丽华). */
const MAX_NAME = 3;
/** Longest items of one length that make a series with no character in common (四字格). */
const MAX_PLAIN_ITEM = 4;
/** Plain items of six characters: a verb and its four-character object (修订管理办法、完善服务流程、健全考核机制). */
const PLAIN_PHRASE = 6;
/**
 * What may follow a series: 等 or an ellipsis closes a list of examples
 * (博物馆、展览馆、纪念地等资源; 张甲洲、杨学诚、蒋南翔……), and 和/及/与/或 adds its last
 * item (登记、核查、封存和移交): such lists are open enumerations, not one unit.
 */
const OPEN_LIST_END = /(?:[等…和及与或]|以及)/y;
/**
 * A 、 right before or after a series found inside a longer 、-list: the list
 * as a whole has no one shape, and a stretch of it is no unit (县、乡镇、街道、
 * 社区、村 holds 乡镇、街道、社区).
 */
const LIST_COMMA = '、';
/**
 * Suffixes that make a word a property, a process or a type (工业化, 积极性, 创新型, 交互式, 获得感): a
 * series of such words is parallel whatever their lengths (新型工业化、信息化、城镇化、农业现代化), unlike
 * names of kinds sharing one last character (举报人、申诉人、证人; 个人所得税、资源税).
 */
const DERIVED_SUFFIX = /[化性型式感]$/;
/** What may follow the last of two-character items where the text ends it: 的, 等, the start of a count, 中. */
const TWO_CHARACTER_END = /[的等一二两三四五六七八九十几多中]/;
/** Brackets around an aside. */
const OPEN_BRACKET = /[（(]/;
const CLOSE_BRACKET = /[）)]/;
/** The particle that ends an open list of examples. */
const DENG = '等';
/** The conjunctions that join a list's last item (A、B、C和D). */
const CONJUNCTION = /(?:[和及与或]|以及)/y;
/** A conjunction inside a word: what it holds is two items, not one (岗位练兵和必要的考试). */
const JOINS = /[和及与或]/;
/** The word after a conjunction: the item it joins, perhaps with more words after it. */
const JOINED_WORD = /[\u4e00-\u9fff]+/y;

/**
 * How many code units words[from, to) share at their start, or at their end with `atEnd`. Compared by
 * code unit: no string is made per word.
 */
function sharedLength(words: readonly string[], from: number, to: number, atEnd: boolean): number {
  const first = words[from] ?? '';
  let length = first.length;
  for (let i = from + 1; i < to && length > 0; i++) {
    const w = words[i]!;
    const max = Math.min(length, w.length);
    const wAt = atEnd ? w.length - 1 : 0;
    const firstAt = atEnd ? first.length - 1 : 0;
    const step = atEnd ? -1 : 1;
    let k = 0;
    while (k < max && w.charCodeAt(wAt + step * k) === first.charCodeAt(firstAt + step * k)) k++;
    length = k;
  }
  return length;
}

/** The opening shared by words[from, to) (all of them by default). */
function commonPrefix(words: readonly string[], from = 0, to = words.length): string {
  return (words[from] ?? '').slice(0, sharedLength(words, from, to, false));
}

/** The ending shared by words[from, to) (all of them by default). */
function commonSuffix(words: readonly string[], from = 0, to = words.length): string {
  const first = words[from] ?? '';
  return first.slice(first.length - sharedLength(words, from, to, true));
}

/** A trimmed series: offsets of its first and last characters and its items. */
interface Series {
  start: number;
  end: number;
  items: string[];
  /** The first item was cut to the inner items' width (no shared characters to cut at): its start is a guess. */
  firstCut: boolean;
  /** The last item was cut likewise: its end is a guess. */
  lastCut: boolean;
  /** The last word runs on to 等, or the list goes on after it: an open list, whatever part of the word the last item keeps. */
  open?: boolean;
  /** The last item is longer than the others and ends where 的 closes it (…、保障供应、稳定市场价格的): its length is no part of the shape. */
  longLast?: boolean;
  /** The last word runs on to 等 right after the last item (…、村民理事会等): a unit only where the items share characters. */
  closedByDeng?: boolean;
}

/**
 * Where 的 stands in a word, or -1. 的 closes a modifier: an item holds it only
 * where every item of the series does (趟出的新路、摸索的办法、沉淀的规矩).
 */
function particleAt(word: string): number {
  return word.indexOf(PARTICLE);
}

/**
 * Whether 的 stands at one place in every item or in none: counted from the
 * start (趟出的新路、摸索的办法) or from the end (更大的决心、更明确的目标、更有力的举措).
 */
function particleAligned(items: readonly string[]): boolean {
  const first = items[0]!;
  const at = particleAt(first);
  if (items.every((w) => particleAt(w) === at)) return true;
  const fromEnd = first.length - at;
  return at >= 0 && items.every((w) => particleAt(w) >= 0 && w.length - particleAt(w) === fromEnd);
}

/**
 * Whether items sharing the ending `suffix` characters are names with a title
 * (张明教授、李华教授、王强教授; 张教授、李教授): each opens with a common surname
 * and holds a name's length, or the surname alone, before the title.
 */
function namesWithTitle(items: readonly string[], suffix: number): boolean {
  return items.every((w) => w.length - suffix >= 1 && w.length - suffix <= MAX_NAME && SURNAME.test(w.charAt(0)));
}

/** Trims the outer words of the segment words[from, to) to the shape of the inner ones; null when they do not fit it. */
function trimSegment(words: readonly string[], from: number, to: number, at: number): Series | null {
  const prefix = commonPrefix(words, from + 1, to);
  const suffix = commonSuffix(words, from, to - 1);
  let width = 0;
  let innerParticle = true;
  for (let i = from + 1; i < to - 1; i++) {
    const w = words[i]!;
    width = Math.max(width, w.length);
    innerParticle &&= particleAt(w) >= 0;
  }
  const rawFirst = words[from]!;
  let first = rawFirst;
  let firstCut = false;
  const prefixCut = prefix.length > 0 ? first.lastIndexOf(prefix) : -1;
  if (prefixCut > 0 && first.length - prefixCut >= MIN_ITEM) first = first.slice(prefixCut);
  else if (first.length > width) {
    first = first.slice(-width);
    // A guessed start does not straddle a modifier's 的 (革命年代的艰辛历程 → 艰辛历程).
    if (!innerParticle) first = first.slice(particleAt(first) + 1);
    // Where a preposition or a modifier's 的 stands right before the cut, the start is no guess (从、在、通过 …).
    firstCut = !OPENING_CUE.test(rawFirst.slice(0, rawFirst.length - first.length));
  }
  const rawLast = words[to - 1]!;
  const listEnd = rawLast.search(innerParticle ? LIST_END_WORD : LIST_END);
  let last = listEnd >= 0 ? rawLast.slice(0, listEnd) : rawLast;
  let lastCut = false;
  let goesOn = false;
  let longLast = false;
  const suffixCut = suffix.length > 0 ? last.indexOf(suffix) : -1;
  if (suffixCut >= 0 && suffixCut + suffix.length >= MIN_ITEM) last = last.slice(0, suffixCut + suffix.length);
  // A last item that 的 closes is where the text ends it, though longer than the others (…、保障供应、稳定市场价格的关键作用).
  else if (rawLast.charAt(listEnd) === PARTICLE && last.length <= MAX_ITEM && !CLOSING_CUE.test(last.slice(width)) && !JOINS.test(last) && width > MIN_ITEM) longLast = last.length > width;
  // A last word that opens like the others and ends where the run does is a whole item, one character longer (最快进度、最优服务、最强保障力。).
  else if (prefix.length > 0 && last.startsWith(prefix) && listEnd < 0 && to === words.length && last.length <= Math.min(width + 1, MAX_ITEM)) lastCut = false;
  else if (last.length > width) {
    // Where a count of the items or a localizer follows the cut (…三个方面, …三管齐下, 在…中), the end is no guess.
    lastCut = !CLOSING_CUE.test(last.slice(width));
    last = last.slice(0, width);
    // A last item cut to width, unconfirmed by a cue or the items' shared opening, out of a word that the
    // list goes on after (川渝毗邻地区、…), is a stretch of a longer list.
    goesOn = lastCut && !(prefix.length > 0 && last.startsWith(prefix)) && listEnd < 0 && to < words.length;
  }
  if (first.length < MIN_ITEM || last.length < MIN_ITEM) return null;
  const items = [first];
  let span = first.length;
  for (let i = from + 1; i < to; i++) {
    const item = i < to - 1 ? words[i]! : last;
    items.push(item);
    span += 1 + item.length;
  }
  const start = at + rawFirst.length - first.length;
  const deng = rawLast.charAt(listEnd) === DENG;
  // 等 right after an item closes the list there; 等 after more words (…招牌设施设置等) leaves the item's end a guess.
  return { start, end: start + span, items, firstCut, lastCut, longLast, open: (deng && lastCut) || goesOn, closedByDeng: deng && !lastCut };
}

/**
 * Whether the series has one shape:
 *  - items sharing their first characters (比作风、比本领; 一名党员、一名中国青年);
 *  - items sharing their last characters (党员意识、大局意识): one shared last
 *    character makes a shape only for items of one length (建好、管好、用好), not
 *    for names of kinds (举报人、申诉人、证人; 个人所得税、资源税; places, 安徽省、甘肃省);
 *  - items of one length of two characters where the text gives both ends
 *    (确定的目标、任务、要求，), not filling a bracket (an aside naming examples);
 *  - items of one length of three, four or six characters, the 三字格/四字格 of
 *    parallel writing and a two-character head on a 四字格 (定计划、找问题、促整改;
 *    权责清晰、流程规范、监督有力; 改善交通条件、提高办事效率、丰富文化生活), one
 *    end at least where the text puts it (a punctuation mark, a preposition, a
 *    count): with both ends guessed such a list is as often a stretch of a sentence.
 *    Five- and seven-character items with nothing in common are not taken.
 *  - items of one length sharing a character at one place, of any length
 *    (走进新时代、迈上新台阶、开创新局面).
 * 的 stands at one place in every item or in none. An outer item whose end
 * was guessed (cut to the others' width) must share the others' first (or
 * last) character where they share one (服务基层、服务群众、让群众得实惠 is no
 * series). Where both outer items had to be guessed, plain items of one length
 * must also share a character at one place (听民意、解民忧、排民难) or two inner
 * items must show the length.
 */
function sameShape(s: Series): boolean {
  const { items } = s;
  // Dates and times share their characters without being a series (三月、五月、八月), nor do steps of a count (第一期、第二期).
  if (items.every((w) => DATE_OR_TIME.test(w)) || onlyNumeralsDiffer(items)) return false;
  if (!particleAligned(items)) return false;
  const n = items.length;
  if (s.lastCut && !items[n - 1]!.startsWith(commonPrefix(items, 0, n - 1).charAt(0))) return false;
  if (s.firstCut && !items[0]!.endsWith(commonSuffix(items, 1, n).slice(-1))) return false;
  const length = items[0]!.length;
  const sameLength = items.every((w, i) => w.length === length || (s.longLast === true && i === items.length - 1));
  const prefix = commonPrefix(items);
  // A level of government before names of bodies (县委办、县财政局、县民政局) is a list of bodies, not a head.
  if (prefix.length > 0) return !FUNCTION_HEADS.test(prefix) && !(LEVEL_HEAD.test(prefix) && items.every(isBody));
  const suffix = commonSuffix(items).length;
  if (suffix > 0) {
    // One shared last character makes a shape over items of one length, or over any lengths where it is a suffix that
    // makes a word a property or a process (工业化、信息化、农业现代化); names of places and bodies are no series.
    return (suffix > 1 || sameLength || DERIVED_SUFFIX.test(items[0]!)) && !NAME_TAIL.test(items[0]!) && !namesWithTitle(items, suffix);
  }
  if (!sameLength) return false;
  if (sharedPlace(items)) return true;
  // Plain items of three characters that all open with a common surname are names (王丽华、欧阳李…), and names of bodies a list of bodies (团县委、县妇联、县科协).
  if (length <= MAX_NAME && items.every((w, i) => i === 0 || SURNAME.test(w.charAt(0)))) return false;
  if (items.every(isBody)) return false;
  // Two-character words are as often a stretch of a sentence or a list of things: the text must give both ends
  // (县里定下的任务、步骤、标准，; 以文字、照片、视频的形式).
  if (length === MIN_ITEM) return !s.firstCut && !s.lastCut;
  // A plain shape is weak evidence: one end at least must be where the text puts it, not a guess.
  return (length <= MAX_PLAIN_ITEM || length === PLAIN_PHRASE) && (!s.firstCut || !s.lastCut);
}

/**
 * Whether items of one length differ only in their numerals (一期工程、二期工程、三期工程; 一千元、两千元):
 * the steps of a count or a sequence, which share every other character.
 */
function onlyNumeralsDiffer(items: readonly string[]): boolean {
  const first = items[0]!;
  let differ = false;
  for (let i = 1; i < items.length; i++) if (items[i]!.length !== first.length) return false;
  for (let i = 0; i < first.length; i++) {
    const c = first.charAt(i);
    if (items.every((w) => w.charAt(i) === c)) continue;
    if (!items.every((w) => NUMERALS.has(w.charAt(i)))) return false;
    differ = true;
  }
  return differ;
}

/**
 * Whether items of one length share a character at one place (听民意、解民忧、排民难;
 * 走进新时代、迈上新台阶), numerals counting as one character.
 */
function sharedPlace(items: readonly string[]): boolean {
  return placesShared(items) > 0;
}

/** At how many places words[from, to) of one length share a character, numerals counting as one. */
function placesShared(words: readonly string[], from = 0, to = words.length): number {
  const first = words[from]!;
  let places = 0;
  for (let i = 0; i < first.length; i++) {
    const c = first.charAt(i);
    const numeral = NUMERALS.has(c);
    let shared = true;
    for (let k = from + 1; k < to && shared; k++) shared = words[k]!.charAt(i) === c || (numeral && NUMERALS.has(words[k]!.charAt(i)));
    if (shared && c !== ASPECT_PARTICLE) places++;
  }
  return places;
}

/**
 * Splits a run's words into segments at words that cannot be inner items (too
 * long or too short, or closing a list with 等): such a word ends one segment
 * and opens the next.
 */
function segments(words: readonly string[], maxItem: number): { from: number; to: number }[] {
  const result: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const fits = w.length >= MIN_ITEM && w.length <= maxItem && LIST_END_WORD.exec(w) === null;
    if (!fits || i === words.length - 1) {
      if (i - from + 1 >= MIN_ITEMS) result.push({ from, to: i + 1 });
      from = i;
    }
  }
  return result;
}

/**
 * A cheap test that words[from, to) can pass `sameShape` once trimmed, so that
 * most lists (of names, of tasks) are refused before any string is cut. The
 * inner words stay as they are; the first item keeps the first word's last
 * character and the last item the last word's first character; trimming only
 * shortens. So the inner words must share their first character with the last
 * word, or their last character with the first word, or have one length
 * that both outer words reach.
 */
function mayHaveShape(words: readonly string[], from: number, to: number): boolean {
  const rawFirst = words[from]!;
  const rawLast = words[to - 1]!;
  const opening = rawLast.charCodeAt(0);
  const closing = rawFirst.charCodeAt(rawFirst.length - 1);
  const length = words[from + 1]!.length;
  let sameOpening = true;
  let sameClosing = true;
  // Two-character items need the last one's end given: the word ends there, or 的, 等, a count or 中 follows.
  let sameLength = rawFirst.length >= length && rawLast.length >= length && (length > MIN_ITEM || rawLast.length === length || TWO_CHARACTER_END.test(rawLast.charAt(length)));
  for (let i = from + 1; i < to - 1; i++) {
    const w = words[i]!;
    sameOpening &&= w.charCodeAt(0) === opening;
    sameClosing &&= w.charCodeAt(w.length - 1) === closing;
    sameLength &&= w.length === length;
  }
  return sameOpening || sameClosing || sameLength;
}

/** The series of words[from, to), trimmed, if it has one shape. */
function shapedSeries(words: readonly string[], offsets: readonly number[], from: number, to: number): Series | null {
  if (to - from < MIN_ITEMS || !mayHaveShape(words, from, to)) return null;
  const s = trimSegment(words, from, to, offsets[from]!);
  return s && sameShape(s) ? s : null;
}

/** Where each word of a run split at one-character separators starts, the run starting at `at`. */
function wordOffsets(words: readonly string[], at: number): number[] {
  const offsets: number[] = [];
  let offset = at;
  for (const w of words) {
    offsets.push(offset);
    offset += w.length + 1;
  }
  return offsets;
}

/** The series of one run of words separated by one-character separators. */
function seriesOfRun(run: string, at: number, separator: string | RegExp, maxItem: number): Series[] {
  const words = run.split(separator);
  const offsets = wordOffsets(words, at);
  const found: Series[] = [];
  for (const { from, to } of segments(words, maxItem)) {
    // An outer word may belong to the sentence rather than the series: try without it, or without both.
    const s =
      shapedSeries(words, offsets, from, to) ??
      shapedSeries(words, offsets, from, to - 1) ??
      shapedSeries(words, offsets, from + 1, to) ??
      shapedSeries(words, offsets, from + 1, to - 1);
    if (s) found.push(s);
  }
  return found;
}

/**
 * The series in a run of pairs: stretches of two pairs or more whose words
 * after the first all have one length (MIN_PAIR_ITEM..MAX_ITEM). A stretch's
 * first word loses the governing words before its last characters of that
 * length (越要增强信心 → 增强信心), so a pair whose first word is longer than the
 * length before it ends one stretch and may open the next. The alternation of
 * 、 and ， over items of one length is the shape; no shared character is needed.
 */
function pairSeries(run: string, at: number): Series[] {
  const words = run.split(/[，,、]/);
  const offsets = wordOffsets(words, at);
  const found: Series[] = [];
  const pairs = words.length / 2;
  let p = 0;
  while (p < pairs - 1) {
    const length = words[2 * p + 1]!.length;
    let q = p;
    // Pair q + 1 joins when both its words have the length.
    while (q + 1 < pairs && words[2 * q + 2]!.length === length && words[2 * q + 3]!.length === length) q++;
    const first = words[2 * p]!;
    // An item right after 的 heads a modifier that governs the pair (践行党的初心使命、根本宗旨): the pair belongs to its clause.
    const modified = first.charAt(first.length - length - 1) === PARTICLE;
    if (q > p && length >= MIN_PAIR_ITEM && length <= MAX_ITEM && first.length >= length && !modified) {
      const start = offsets[2 * p]! + first.length - length;
      const items = [first.slice(-length), ...words.slice(2 * p + 1, 2 * q + 2)];
      found.push({ start, end: offsets[2 * q + 1]! + length, items, firstCut: first.length > length, lastCut: false });
    }
    p = q + 1;
  }
  return found;
}

/**
 * Two clauses of 4–7 characters in a row after a run's first word (the least
 * a series of three whole clauses of one length needs; clauses that begin
 * alike are found by CLAUSES_BEGIN_ALIKE), tested on the run's match before
 * anything is cut or split: most runs of a text have neither.
 */
const SHORT_CLAUSES = /[，,][\u4e00-\u9fff]{4,7}[，,][\u4e00-\u9fff]{4,7}(?![\u4e00-\u9fff])/;
/** Names of places and bodies end alike without being a series (海淀街道，朝阳街道，…). */
const NAME_TAIL = /(?:[省市县区村镇乡州洲国局厅部处委院校所站办室]|街道|社区|公司|大学|中心|集团|银行)$/;
/** The names of bodies end in a kind of body or place (…局, …委, 政府, 妇联, 人大). */
const BODY_TAIL = /(?:政府|人大|政协|妇联|科协|工会|侨联|文联|法院|检察院)$/;

/** Whether a word names a body or a place by its last characters. */
function isBody(word: string): boolean {
  return NAME_TAIL.test(word) || BODY_TAIL.test(word);
}

/** Levels of government, which head the names of their bodies (市发展改革委、市财政局). */
const LEVEL_HEAD = /^(?:国家|中央|[省市县区乡镇村])$/;
/** Dates and times share their characters at one place without being a series (三月五日，四月五日，…). */
const DATE_OR_TIME = /[〇零一二两三四五六七八九十百千\d]+[年月日号时点分秒]|^(?:[上中下]午|[早晚]上|凌晨|傍晚|[春夏秋冬]季)$/;
/** What may stand before a whole clause, and after one. */
const CLAUSE_OPENS_AFTER = /[\n，,。；;！!？?：:“"‘「]/;
const CLAUSE_ENDS_BEFORE = /[，,。；;！!？?：:”"’」]/;
/** Clauses opening with an enumeration marker are directives (一是摸清底数，二是补齐短板，…). */
const ORDINAL_OPENING = /^(?:[一二三四五六七八九十][是要]|第[一二三四五六七八九十]|其[一二三四五六七八九十])/;

/**
 * Series of whole clauses that do not begin alike: stretches of three or more
 * consecutive clauses of one length that end alike (有效引领青年，广泛组织青年，
 * 竭诚服务青年), share a character at one place, or, plain, have one length of
 * six or seven characters (the 2+4 of 坚定理想信念，厚植家国情怀，练就过硬本领). A
 * clause is never cut here: where the series begins and ends is where the
 * clauses do.
 */
function clauseStretches(text: string, run: string, at: number, alike: boolean): Series[] {
  const words = run.split(CLAUSE_COMMA);
  const offsets = wordOffsets(words, at);
  const found: Series[] = [];
  const add = (from: number, to: number): void => {
    // The run's outer words are whole clauses only where a clause boundary stands beside them (not 儿童（13岁）, not 一为“…”).
    if (from === 0 && at > 0 && !CLAUSE_OPENS_AFTER.test(text.charAt(at - 1))) return;
    const end = offsets[to - 1]! + words[to - 1]!.length;
    if (to === words.length && end < text.length && !CLAUSE_ENDS_BEFORE.test(text.charAt(end))) return;
    found.push({ start: offsets[from]!, end: offsets[to - 1]! + words[to - 1]!.length, items: words.slice(from, to), firstCut: false, lastCut: false });
  };
  // Clauses that begin alike (不搞层层加码，不搞一刀切，不搞形式主义) among others.
  let i = alike ? 0 : words.length;
  while (i < words.length) {
    const head = words[i]!.charAt(0);
    let j = i + 1;
    while (j < words.length && words[j]!.charAt(0) === head && words[j]!.length <= MAX_CLAUSE_ITEM) j++;
    if (j - i >= MIN_ITEMS && words[i]!.length >= MIN_ITEM && words[i]!.length <= MAX_CLAUSE_ITEM) {
      const prefix = commonPrefix(words, i, j);
      if (!FUNCTION_HEADS.test(prefix) && !ORDINAL_OPENING.test(words[i]!)) add(i, j);
    }
    i = j;
  }
  // Clauses of one length that end alike, share a place, or (plain) are long enough to be phrases.
  i = 0;
  while (i < words.length) {
    const length = words[i]!.length;
    let j = i + 1;
    while (j < words.length && words[j]!.length === length) j++;
    // The stretch fits best without an outer clause that shares fewer places (三年多来，五次登台，四次答辩，三次失利).
    let from = i;
    let to = j;
    if (to - from > MIN_ITEMS && placesShared(words, from + 1, to) > placesShared(words, from, to)) from++;
    if (to - from > MIN_ITEMS && placesShared(words, from, to - 1) > placesShared(words, from, to)) to--;
    if (length >= 4 && length <= MAX_ITEM && !ORDINAL_OPENING.test(words[from]!)) {
      const items = words.slice(from, to);
      const shape = to - from >= MIN_ITEMS ? clausesShaped(items) : null;
      // The clause before the stretch may hold its first item after the governing words: before a plain stretch
      // (期望青年坚定理想信念，厚植…，…), or as the third item of two that end alike with it (坚持问题导向，目标导向，结果导向):
      // two plain clauses after a longer one are as often a sentence's course.
      const before = from === i && from > 0 ? words[from - 1]! : '';
      const first = before.slice(-length);
      const joined = before.length > length && particleAt(first) < 0 ? [first, ...items] : null;
      if (joined && (shape === 'plain' || (to - from === MIN_ITEMS - 1 && commonSuffix(joined).length >= 2 && clausesShaped(joined) !== null))) {
        // Without a last clause that shares fewer places (既是…问题，也是…问题，更是…问题，必须抓紧抓好).
        let k = joined.length;
        if (k > MIN_ITEMS && placesShared(joined, 0, k - 1) > placesShared(joined, 0, k)) k--;
        const last = from + k - 2;
        const end = offsets[last]! + length;
        if (last < words.length - 1 || end >= text.length || CLAUSE_ENDS_BEFORE.test(text.charAt(end))) {
          found.push({ start: offsets[from - 1]! + before.length - length, end, items: joined.slice(0, k), firstCut: true, lastCut: false });
        }
      } else if (shape) add(from, to);
    }
    i = j;
  }
  return found;
}

/**
 * Whether whole clauses of one length that do not begin alike have one shape:
 * they end alike (not names of places or bodies), share a character at one
 * place (not dates), or are plain phrases of six characters.
 */
function clausesShaped(items: readonly string[]): 'shared' | 'plain' | null {
  if (commonPrefix(items).length > 0) return null;
  if (commonSuffix(items).length >= 2) return NAME_TAIL.test(items[0]!) ? null : 'shared';
  if (sharedPlace(items)) return items.some((w) => DATE_OR_TIME.test(w)) ? null : 'shared';
  return items[0]!.length === PLAIN_PHRASE && !items.some((w) => NARRATION.test(w)) ? 'plain' : null;
}

/**
 * Whether the items repeat a word, at their head or tail, and are phrases of
 * three characters or more (如何选题、如何深入、如何转化; 村民会议、村民议事会、村民
 * 理事会): such a series is one unit even where 等 closes it. Items of two
 * characters that share one (有车、有房) are the examples of an open list.
 */
function repeatsAWord(items: readonly string[]): boolean {
  return items.every((w) => w.length > MIN_ITEM) && (commonPrefix(items).length > 0 || commonSuffix(items).length > 0);
}

/**
 * Whether the word a conjunction joins after the series has the series' shape
 * (评价体系、政策体系、工作体系和考核体系; 道路建设、…、农田水利建设和园林建设):
 * it opens with the items' shared head or holds their shared tail where an item
 * would end. Then the conjunction closes the list, and the series is what
 * stands before it.
 */
function joinsLikeItem(text: string, s: Series, conjunction: number): boolean {
  JOINED_WORD.lastIndex = s.end + conjunction;
  const word = JOINED_WORD.exec(text)?.[0];
  if (!word) return false;
  const prefix = commonPrefix(s.items);
  if (prefix.length > 0) return word.startsWith(prefix);
  const suffix = commonSuffix(s.items);
  const at = suffix.length > 0 ? word.indexOf(suffix) : -1;
  return at >= 0 && at + suffix.length >= MIN_ITEM && at + suffix.length <= MAX_ITEM;
}

/** Whether the words around the series make it no unit: an open list (…等, ……, …和D, part of a longer list) or a condition (…的；). */
function notAUnit(text: string, s: Series): boolean {
  if (s.open) return true;
  if (text.charAt(s.start - 1) === LIST_COMMA || text.charAt(s.end) === LIST_COMMA) return true;
  // Two-character words that fill a bracket are an aside naming examples (三个城区（海淀、西城、东城）): the brackets are no ends.
  const aside = OPEN_BRACKET.test(text.charAt(s.start - 1)) && CLOSE_BRACKET.test(text.charAt(s.end));
  if (aside && s.items[0]!.length === MIN_ITEM) return true;
  if (s.closedByDeng) return !repeatsAWord(s.items);
  CONJUNCTION.lastIndex = s.end;
  const conjunction = CONJUNCTION.exec(text)?.[0].length ?? 0;
  if (conjunction > 0 && joinsLikeItem(text, s, conjunction)) return false;
  OPEN_LIST_END.lastIndex = s.end;
  CONDITION_END.lastIndex = s.end;
  return OPEN_LIST_END.test(text) || CONDITION_END.test(text);
}

function toItem(src: Source, s: Series): DetectedItem {
  return { kind: 'parallel', marker: null, text: src.original.slice(s.start, s.end), start: s.start, end: s.end, rank: -1, series: -1 };
}

/** Finds parallel series in the text. */
export function findParallels(src: Source): DetectedItem[] {
  const text = src.folded;
  const found: DetectedItem[] = [];
  ENUMERATION_RUN.lastIndex = 0;
  for (let m = ENUMERATION_RUN.exec(text); m !== null; m = ENUMERATION_RUN.exec(text)) {
    const at = m.index - m[1]!.length;
    for (const s of seriesOfRun(text.slice(at, m.index + m[0].length), at, ENUMERATION_COMMA, MAX_ITEM)) {
      if (!notAUnit(text, s)) found.push(toItem(src, s));
    }
  }
  PAIR_RUN.lastIndex = 0;
  for (let m = PAIR_RUN.exec(text); m !== null; m = PAIR_RUN.exec(text)) {
    const at = m.index - m[1]!.length;
    for (const s of pairSeries(text.slice(at, m.index + m[0].length), at)) found.push(toItem(src, s));
  }
  CLAUSE_RUN.lastIndex = 0;
  for (let m = CLAUSE_RUN.exec(text); m !== null; m = CLAUSE_RUN.exec(text)) {
    const alike = CLAUSES_BEGIN_ALIKE.test(m[0]);
    if (!alike && !SHORT_CLAUSES.test(m[0])) continue;
    const at = m.index - m[1]!.length;
    const run = text.slice(at, m.index + m[0].length);
    const before = found.length;
    if (alike) {
      for (const s of seriesOfRun(run, at, CLAUSE_COMMA, MAX_CLAUSE_ITEM)) {
        if (commonPrefix(s.items).length > 0) found.push(toItem(src, s));
      }
    }
    for (const s of clauseStretches(text, run, at, alike)) {
      if (!found.some((f, i) => i >= before && f.start < s.end && s.start < f.end)) found.push(toItem(src, s));
    }
  }
  return found;
}
