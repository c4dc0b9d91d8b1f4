/**
 * 全文网页 from the notebook: the article's text comes from a tab where the
 * reader script has it (研读 keeps notes, never articles' text); the notes
 * come from the database. Without such a tab, the article is opened for the
 * reader (this is the reader's click) and they are asked to try again.
 */
import { articleKey } from '@/lib/article-key';
import type { YanduDb } from '@/lib/db/database';
import { studyRecordOf } from '@/lib/notebook/study-record';
import { exportFullText, type ExportedFile, type FullTextFormat } from '@/lib/export';
import { sendMessage, type ArticleText } from '@/lib/messaging';

/** The article is not open anywhere: it has just been opened for the reader. */
export class ArticleOpened extends Error {
  constructor(title: string) {
    super(`全文导出要用文章正文，研读只保存笔记、不保存全文。已在新标签页中打开《${title}》，页面载入后请再点一次。`);
  }
}

/** The text of the article `key` from an open tab that shows it, or null. */
async function textFromTabs(key: string): Promise<ArticleText | null> {
  const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && /^https?:/.test(t.url ?? ''));
  // Tabs whose address is the article's first, then any tab whose reader names it (canonical link).
  const ordered = [...tabs.filter((t) => articleKey(t.url!) === key), ...tabs.filter((t) => articleKey(t.url!) !== key)];
  for (const tab of ordered) {
    try {
      if (articleKey(tab.url!) !== key) {
        const identity = await sendMessage('pageIdentity', undefined, tab.id!);
        if (articleKey(identity.url, identity.canonicalUrl) !== key) continue;
      }
      const text = await sendMessage('articleText', undefined, tab.id!);
      if (text && text.text !== '') return text;
    } catch {
      // No reader script in that tab (or it was closed meanwhile): try the next.
    }
  }
  return null;
}

/** The full text of article `key` with its notes as `format`; throws ArticleOpened when no tab has the article. */
export async function fullTextFile(db: YanduDb, key: string, format: FullTextFormat, withStructure: boolean): Promise<ExportedFile> {
  const record = await studyRecordOf(db, { articleKeys: [key], noteIds: [] });
  const article = record.articles[0];
  if (!article) throw new Error('找不到这篇文章');
  const read = await textFromTabs(key);
  if (!read) {
    await browser.tabs.create({ url: article.url, active: true });
    throw new ArticleOpened(article.title || article.url);
  }
  return exportFullText(format, {
    article: { ...article, title: article.title || read.title },
    text: read.text,
    highlights: article.highlights,
    structure: withStructure ? read.items : [],
  });
}
