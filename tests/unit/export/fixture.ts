/**
 * The fixture collection for export and backup tests: the seed article (its
 * real analysis outline) with the reader's highlights and notes, some of them
 * hostile (formulas, markup), and a second small article with a hand-made outline.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '@/lib/analysis';
import type { Analysis } from '@/lib/analysis';
import { outlineFromAnalysis } from '@/lib/export/from-db';
import type { StudyArticle, StudyHighlight, StudyRecord } from '@/lib/export/types';

export const SEED_TITLE = '紧抓工作重点 突出实践特色';
export const SEED_TEXT = readFileSync(
  fileURLToPath(new URL('../../fixtures/export/seed-shijingshan-chuangxian.txt', import.meta.url)),
  'utf8',
);

let seedAnalysis: Analysis | undefined;
/** The seed article's analysis (computed once). */
export function seedAnalysisResult(): Analysis {
  seedAnalysis ??= analyze({ text: SEED_TEXT, title: SEED_TITLE });
  return seedAnalysis;
}

/** A note that a spreadsheet would run as a formula. */
export const FORMULA_NOTE = '=HYPERLINK("http://evil.example","点我")';
/** A note that would become markup if anything rendered it as HTML. */
export const MARKUP_NOTE = '<img src=x onerror=alert(1)>\n第二段：要把服务群众落到实处。';

function highlight(id: string, quote: string, text: string, rest: Partial<StudyHighlight>): StudyHighlight {
  const position = text.indexOf(quote);
  if (position < 0) throw new Error(`fixture quote not in text: ${quote}`);
  return { id, quote, color: 'yellow', position, note: '', tags: [], createdAt: Date.UTC(2026, 10, 20, 2, 0), ...rest };
}

/** The seed article's highlights, deliberately not in text order. */
export function seedHighlights(): StudyHighlight[] {
  return [
    highlight('h-serve', '要在服务群众上创先争优', SEED_TEXT, { color: 'pink', note: MARKUP_NOTE }),
    highlight('h-goal', '组织创先进、党员争优秀、群众得实惠', SEED_TEXT, {
      note: '这是总要求，要在支部会上重点讲。',
      tags: ['总要求', '三会一课'],
    }),
    highlight('h-cover', '要加强组织覆盖', SEED_TEXT, { color: 'green', note: FORMULA_NOTE, tags: ['组织建设'] }),
    highlight('h-lead', '要把围绕中心、服务大局摆在更加突出的位置', SEED_TEXT, { color: 'blue' }),
  ];
}

export function seedArticle(): StudyArticle {
  return {
    title: SEED_TITLE,
    url: 'http://dangjian.people.com.cn/n1/2011/0315/c117092-14149658.html',
    site: 'dangjian.people.com.cn',
    source: '人民网-中国共产党新闻网',
    published: '2011-03-15',
    outline: outlineFromAnalysis(seedAnalysisResult()),
    highlights: seedHighlights(),
  };
}

const SECOND_TEXT = '（一）加强组织建设。一是健全组织。-2 项任务要按时完成。';

export function secondArticle(): StudyArticle {
  return {
    title: '关于加强基层党建工作的意见',
    url: 'http://www.gov.cn/zhengce/2026-11/20/content_1.htm',
    site: 'www.gov.cn',
    source: '',
    published: null,
    outline: [
      {
        kind: 'directive',
        marker: '（一）',
        label: '加强组织建设。',
        children: [{ kind: 'directive', marker: '一是', label: '健全组织。', children: [] }],
      },
    ],
    highlights: [highlight('h-minus', '-2 项任务要按时完成', SECOND_TEXT, { color: 'purple', note: '@SUM(A1:A9)', tags: ['+1'] })],
  };
}

/** The fixture record: the seed article and the second one, studied on 2026-11-28. */
export function fixtureRecord(overrides: Partial<StudyRecord> = {}): StudyRecord {
  return { title: '', studyDate: '2026-11-28', articles: [seedArticle(), secondArticle()], ...overrides };
}

/** A note long enough to fill several whole lines of the Word layout (the reader's own words). */
export const LONG_NOTE =
  '学习体会：对照本支部实际，把文件要求逐条列成清单，写明责任人和完成时限，在下次组织生活会上逐项通报进展；' +
  '请每位党员结合本职岗位谈一条具体打算，会后由支部委员分工跟进，做到件件有回音、事事有着落。';

/**
 * The collection the office check converts: the seed article's outline and the
 * reader's notes in two colours (blue and pink), one of them long, one with markup.
 */
export function officeFixtureRecord(): StudyRecord {
  const highlights = seedHighlights().map((h, i) => ({
    ...h,
    color: i % 2 === 0 ? ('pink' as const) : ('blue' as const),
    note: h.id === 'h-lead' ? LONG_NOTE : h.note,
  }));
  return { title: '', studyDate: '2026-11-28', articles: [{ ...seedArticle(), highlights }] };
}
