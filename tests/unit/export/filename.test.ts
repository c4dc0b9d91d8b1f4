import { describe, expect, test } from 'vitest';
import { exportFileName, safeNamePart } from '@/lib/export/filename';
import type { StudyArticle, StudyRecord } from '@/lib/export/types';

function record(title: string, ...articleTitles: string[]): StudyRecord {
  const article = (t: string): StudyArticle => ({ title: t, url: 'http://www.gov.cn/a.htm', site: 'www.gov.cn', source: '', published: null, outline: [], highlights: [] });
  return { title, studyDate: '2026-11-28', articles: articleTitles.map(article) };
}

describe('export file names', () => {
  test.each([
    ['the issue’s example', record('', '紧抓工作重点 突出实践特色'), 'docx', '学习笔记-2026-11-28-紧抓工作重点突出实践特色.docx'],
    ['a set of articles', record('', '甲文章', '乙文章', '丙文章'), 'md', '学习笔记-2026-11-28-甲文章等3篇.md'],
    ['the reader’s own title', record('支部 学习', '文章'), 'csv', '支部学习-2026-11-28-文章.csv'],
    ['no articles', record(''), 'txt', '学习笔记-2026-11-28.txt'],
    ['characters Windows forbids', record('a<b>:c"/d\\e|f?g*', '标题：副题?'), 'docx', 'abcdefg-2026-11-28-标题：副题.docx'],
    ['a device name', { ...record('CON'), studyDate: '' }, 'txt', '_CON.txt'],
  ])('%s', (_case, input, ext, expected) => {
    expect(exportFileName(input, ext)).toBe(expected);
  });

  test('a very long title is cut, whole characters kept', () => {
    const name = exportFileName(record('', '长'.repeat(300)), 'docx');
    expect(name).toBe(`学习笔记-2026-11-28-${'长'.repeat(40)}.docx`);
  });

  test.each([
    ['  ..隐藏文件名.. ', '隐藏文件名'],
    ['tab\tand\nnewline', 'tabandnewline'],
    ['😀表情', '😀表情'],
  ])('safeNamePart(%j) → %j', (input, expected) => {
    expect(safeNamePart(input)).toBe(expected);
  });
});
