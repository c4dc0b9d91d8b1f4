/**
 * The study record's layout, shared by every document format: a list of blocks
 * (title, headings, outline entries, quotes, notes, source lines) in reading
 * order. docx, Markdown, text and the print page only decide how each block
 * looks, so all of them hold the same structure.
 */
import { COLOR_INFO, type HighlightColor } from '../model/colors';
import type { OutlineEntry, StudyArticle, StudyHighlight, StudyRecord } from './types';

/** The title when the reader gave none. */
export const DEFAULT_TITLE = '学习笔记';

/** The five sections of a study record, in order (一、… 五、). */
export const SECTION_TITLES = ['学习时间', '学习内容', '主要精神', '重点摘录', '心得体会'] as const;

/** The reader's own part when they set no name in settings. */
const OWN_LABEL = '本人';

/** Shown in a section that has nothing in it, so the reader sees it was not forgotten. */
const EMPTY_TEXT = '（暂无）';
/** Shown under an article whose outline was not recognised. */
const NO_OUTLINE_TEXT = '（未识别出提纲）';
/** Characters of a quote repeated in front of its note. */
const NOTE_REF_CHARS = 30;

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** One block of the layout. */
export type Block =
  | { type: 'title'; text: string }
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'outline'; depth: number; kind: OutlineEntry['kind']; marker: string | null; text: string }
  | { type: 'quote'; text: string; color: HighlightColor; tags: string[] }
  | { type: 'note'; text: string; about: string }
  | { type: 'source'; text: string };

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for any list of articles). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens >= 10) return String(n);
  return `${tens === 1 ? '' : CHINESE_NUMERALS[tens - 1]}十${ones === 0 ? '' : CHINESE_NUMERALS[ones - 1]}`;
}

/** '2026-11-28' → '2026年11月28日'; anything else is returned as given. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The record's title: the reader's own or 学习笔记. */
export function recordTitle(record: StudyRecord): string {
  return record.title.trim() || DEFAULT_TITLE;
}

/** 《标题》（人民网，2011年3月15日） — an article named with its source and date. */
export function citation(article: StudyArticle): string {
  const about = [article.source || article.site, article.published ? chineseDate(article.published) : '']
    .filter((part) => part !== '')
    .join('，');
  return `《${article.title || article.url}》${about ? `（${about}）` : ''}`;
}

/** The highlights of an article in text order (ties: older first). */
export function inTextOrder(highlights: readonly StudyHighlight[]): StudyHighlight[] {
  return [...highlights].sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
}

function outlineBlocks(entries: readonly OutlineEntry[], depth: number, out: Block[]): void {
  for (const entry of entries) {
    out.push({ type: 'outline', depth, kind: entry.kind, marker: entry.marker, text: entry.label });
    outlineBlocks(entry.children, depth + 1, out);
  }
}

function shorten(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars)}…` : text;
}

/** The name a member's part is headed with: 张三（第一支部）. */
export function memberLabel(member: { name: string; branch: string }): string {
  const name = member.name.trim() || OWN_LABEL;
  return member.branch.trim() ? `${name}（${member.branch.trim()}）` : name;
}

/**
 * The record's notes by member, the reader's own first, then the others in the
 * order met: one group labelled null (no member headings) when every note is
 * the reader's own, as in a record of one reader.
 */
export function memberGroups(record: StudyRecord): { label: string | null; articles: StudyArticle[] }[] {
  const all = record.articles.flatMap((a) => a.highlights);
  if (all.every((h) => h.author === undefined)) return [{ label: null, articles: record.articles }];
  const keyOf = (h: StudyHighlight): string => (h.author ? memberLabel(h.author) : '');
  const keys = [...new Set(['', ...all.map(keyOf)])].filter((k) => k !== '' || all.some((h) => h.author === undefined));
  return keys.map((key) => ({
    label: key === '' ? memberLabel(record.reader ?? { name: '', branch: '' }) : key,
    articles: record.articles.map((a) => ({ ...a, highlights: a.highlights.filter((h) => keyOf(h) === key) })),
  }));
}

/** Minutes as the record prints them: 12分钟, or 不足1分钟. */
function minutesText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? '不足1分钟' : `${minutes}分钟`;
}

/**
 * 学习时长 of one article under 学习时间: 《标题》：2026年11月28日 12分钟；11月29日 5分钟（共17分钟）.
 * Null when the article has no reading counted.
 */
export function readingLine(article: StudyArticle): string | null {
  const days = Object.entries(article.reading ?? {})
    .filter(([, ms]) => ms > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  if (days.length === 0) return null;
  const parts = days.map(([day, ms]) => `${chineseDate(day)} ${minutesText(ms)}`);
  const total = days.reduce((sum, [, ms]) => sum + ms, 0);
  return `阅读《${article.title || article.url}》：${parts.join('；')}${days.length > 1 ? `（共${minutesText(total)}）` : ''}`;
}

/** Lays out `record` as blocks in reading order. */
export function layoutRecord(record: StudyRecord): Block[] {
  const out: Block[] = [{ type: 'title', text: recordTitle(record) }];
  const section = (index: number): void => {
    out.push({ type: 'heading', level: 1, text: `${chineseNumeral(index + 1)}、${SECTION_TITLES[index]}` });
  };
  const articleHeading = (article: StudyArticle, index: number): void => {
    out.push({ type: 'heading', level: 2, text: `（${chineseNumeral(index + 1)}）《${article.title || article.url}》` });
  };

  section(0);
  out.push({ type: 'paragraph', text: chineseDate(record.studyDate) });
  for (const article of record.articles) {
    const line = readingLine(article);
    if (line) out.push({ type: 'paragraph', text: line });
  }

  section(1);
  if (record.articles.length === 0) out.push({ type: 'paragraph', text: EMPTY_TEXT });
  record.articles.forEach((article, i) => out.push({ type: 'paragraph', text: `${i + 1}. ${citation(article)}` }));

  section(2);
  if (record.articles.length === 0) out.push({ type: 'paragraph', text: EMPTY_TEXT });
  record.articles.forEach((article, i) => {
    articleHeading(article, i);
    if (article.outline.length === 0) out.push({ type: 'paragraph', text: NO_OUTLINE_TEXT });
    outlineBlocks(article.outline, 0, out);
  });

  const groups = memberGroups(record);
  // 重点摘录: every highlight; 心得体会: the highlights with a note, each member's under their name.
  const hasNote = (h: StudyHighlight): boolean => h.note.trim() !== '';
  const perMember = (index: number, keep: (h: StudyHighlight) => boolean, emit: (h: StudyHighlight, article: StudyArticle) => void): void => {
    section(index);
    const kept = groups
      .map((g) => ({ ...g, articles: g.articles.filter((a) => a.highlights.some(keep)) }))
      .filter((g) => g.articles.length > 0);
    if (kept.length === 0) out.push({ type: 'paragraph', text: EMPTY_TEXT });
    kept.forEach((group, g) => {
      if (group.label !== null) out.push({ type: 'heading', level: 2, text: `（${chineseNumeral(g + 1)}）${group.label}` });
      group.articles.forEach((article, i) => {
        // Under a member's heading, articles are numbered paragraphs; in a record of one reader, headings as before.
        if (group.label !== null) out.push({ type: 'paragraph', text: `${i + 1}. 《${article.title || article.url}》` });
        else articleHeading(article, i);
        for (const h of inTextOrder(article.highlights)) if (keep(h)) emit(h, article);
      });
    });
  };
  perMember(3, () => true, (h, article) => {
    out.push({ type: 'quote', text: h.quote, color: h.color, tags: h.tags });
    out.push({ type: 'source', text: `——${citation(article)}` });
  });
  perMember(4, hasNote, (h) => {
    out.push({ type: 'note', text: h.note.trim(), about: `（关于“${shorten(h.quote, NOTE_REF_CHARS)}”）` });
  });
  return out;
}

/** The text of a quote block as every format shows it: 【黄】“……” 标签：a、b. */
export function quoteLine(block: Extract<Block, { type: 'quote' }>): string {
  const tags = block.tags.length > 0 ? ` 标签：${block.tags.join('、')}` : '';
  return `【${COLOR_INFO[block.color].short}】“${block.text}”${tags}`;
}

/** The text of an outline block: its marker as written, then its text. */
export function outlineLine(block: Extract<Block, { type: 'outline' }>): string {
  return `${block.marker ?? ''}${block.text}`;
}
