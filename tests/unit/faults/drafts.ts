/** Note drafts as a content script sends them, for the fault tests. */
import type { AnnotationDraft } from '@/lib/protocol/schema';

/** The page the drafts are on. */
export const PAGE_URL = 'https://dangjian.people.com.cn/n1/2011/0315/c117092-seed.html';

/** The `i`-th draft on PAGE_URL: its own quote, position and note. */
export function draft(i: number, tags: string[] = ['三会一课']): AnnotationDraft {
  return {
    page: { url: PAGE_URL, title: '紧抓工作重点 突出实践特色' },
    quote: { exact: `第${i}处原文`, prefix: '前文', suffix: '后文' },
    position: { start: i * 10, end: i * 10 + 5 },
    color: 'yellow',
    note: `第${i}条批注：学习体会`,
    tags,
  };
}
