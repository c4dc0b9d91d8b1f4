/**
 * One page's reader: extract → analyse → mark, again when the page fills in its
 * article late or navigates without a reload, and never in a loop with our own
 * marks. Sets the page contract attributes each time it finishes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyze, type Analysis } from '@/lib/analysis';
import { DEFAULT_MARK_KINDS, type ItemKind } from '@/lib/model/kinds';
import { extractArticle, type ExtractedArticle, TextMap } from '@/lib/extract';
import { findPageLinks } from '@/lib/extract/pages';
import { unwrapMarks } from '@/lib/highlight/unwrap';
import { sendMessage, type ArticleText } from '@/lib/messaging';
import { markPageDone } from '@/lib/page-state';
import { onlyKinds } from '@/lib/reader/mark-kinds';
import { panelModel } from '@/lib/reader/panel-model';
import { markKindsItem } from '@/lib/reader/preferences';
import { watchContent, type ContentWatch } from '@/lib/reader/content-watch';
import { framesPolicy } from './frames';
import { markAnalysis } from './marks';
import { pageQuery, restoreNotes, restoreOtherPagesNotes } from './notes-state';
import { jumpToLinkedNote, reportAnalysis } from './notebook-link';
import { signal } from '@preact/signals';
import { articleKey } from '@/lib/article-key';
import type { AnnotationRecord } from '@/lib/model/records';
import type { ArticleQuery } from '@/lib/protocol/schema';
import type { PanelContent } from './panel-ui';

/** What the reader needs from around it. */
export interface ReaderDeps {
  /** Called once the page has an article, with the reader's map (stable across re-runs). */
  onArticle: (map: TextMap, article: ExtractedArticle) => void;
}

export class PageReader {
  /** The article text and its DOM map; the same object across re-runs (TextMap.adopt). */
  readonly map = new TextMap(document.createElement('div'));
  /** What the outline panel shows; null when the page has no marks. The panel mounts after the first run. */
  readonly panelContent = signal<PanelContent | null>(null);
  private hasArticle = false;
  /** The article's title, as extracted. */
  private title = '';
  private forced = false;
  /** Whether the marks on the page were made in forced mode. */
  private appliedForced = false;
  /** The run under way (resolved when none is). */
  private running: Promise<void> = Promise.resolve();
  /** Notes asked for at document_start, with the article key they answer for. */
  private prefetched: { key: string; notes: Promise<AnnotationRecord[]> } | null = null;
  private analysis: Analysis | null = null;
  private autoMarks: Element[] = [];
  private watch: ContentWatch | null = null;
  /** The kinds the reader wants marked (settings), asked for at document_start; null until the answer came. */
  private kinds: ReadonlySet<ItemKind> | null = null;
  private readonly markKinds = markKindsItem
    .getValue()
    .catch((): readonly ItemKind[] => DEFAULT_MARK_KINDS)
    .then((kinds) => (this.kinds = new Set(kinds)));

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly deps: ReaderDeps,
  ) {
    ctx.onInvalidated(() => this.watch?.stop());
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.watch?.restart();
      void this.refresh();
    });
  }

  /** The watch for late content, started with the first run (on the parsed page, not while it loads). */
  private watching(): ContentWatch {
    this.watch ??= watchContent(document.body ?? document.documentElement, () => void this.refresh());
    return this.watch;
  }

  /**
   * Runs on the page. `forced` (the reader asked, from the toolbar button):
   * mark even a page that does not score as policy.
   */
  run(forced: boolean, startedAt: number = performance.now()): Promise<void> {
    // One run at a time: a run waits for the saved notes, and a second one (late content, a
    // navigation, the reader's request) must not interleave its marks with the first's.
    const next = this.running.then(() => this.runOnce(forced, startedAt));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async runOnce(forced: boolean, startedAt: number): Promise<void> {
    this.forced ||= forced;
    this.watching();
    document.documentElement.setAttribute('data-yd-state', 'working');
    const saved = this.savedNotes();
    // Asked for at document_start, so normally here already: no await (and no yield to the page) then.
    if (!this.kinds) await this.markKinds;
    try {
      const article = extractArticle(document);
      if (article && (article.text !== this.map.text || this.forced !== this.appliedForced)) {
        this.watching().withoutWatching(() => this.apply(article));
        const notes = await saved;
        this.watching().withoutWatching(() => restoreNotes(this.map, notes));
        // A multi-page article's notes may be saved under another page's address: after done, not before.
        this.ctx.setTimeout(() => void this.restoreOtherPages(), 0);
        jumpToLinkedNote();
      } else if (!article && this.hasArticle) {
        this.watching().withoutWatching(() => this.clear());
      }
    } catch (error) {
      // Never into the page, never silent: say what failed, and still finish (the page contract).
      console.warn('[研读] 本页分析出错，已停止标注：', error);
    }
    // A page without an article of its own (a frameset, an article in an iframe): its frames' readers answer.
    const framed = this.analysis ? null : await framesPolicy(document);
    const isPolicy = this.analysis?.isPolicy ?? framed ?? false;
    // The frames' readers reported their articles (and the badge count) themselves.
    if (framed === null) {
      void sendMessage('reportPage', { isPolicy, directiveCount: this.marked() ? this.count('directive') : 0 }).catch(
        () => undefined,
      );
    }
    markPageDone(document.documentElement, { isPolicy, elapsedMs: performance.now() - startedAt });
  }

  /**
   * Asks for the page's saved notes before the page is parsed (document_start):
   * a content script's first message is slow (the channel opens, the service
   * worker may wake), so it goes out while the page is still loading.
   */
  prefetchNotes(): void {
    const query = pageQuery();
    this.prefetched = { key: articleKey(query.url, query.canonicalUrl), notes: this.fetchNotes(query) };
  }

  /** The saved notes of the page as it is now: the prefetched answer when the query is unchanged. */
  private savedNotes(): Promise<AnnotationRecord[]> {
    const query = pageQuery();
    const early = this.prefetched;
    this.prefetched = null;
    // The same article (e.g. a canonical link of another site, which does not count) gets the early answer.
    return early?.key === articleKey(query.url, query.canonicalUrl) ? early.notes : this.fetchNotes(query);
  }

  /**
   * A multi-page article: notes made in the merged view are saved under the address of the page it was opened
   * on, notes made on one page alone under that page's. Asks for the other pages' notes and shows those whose
   * text is on this page (page 2 opened alone shows the notes made on it from page 1's merged view).
   */
  private async restoreOtherPages(): Promise<void> {
    const query = pageQuery();
    const own = articleKey(query.url, query.canonicalUrl);
    const others = new Map<string, string>();
    for (const url of findPageLinks(document, location.href)) {
      const key = articleKey(url);
      if (key !== own && !others.has(key)) others.set(key, url);
    }
    if (others.size === 0 || this.ctx.isInvalid) return;
    const lists = await Promise.all([...others.values()].map((url) => this.fetchNotes({ url, canonicalUrl: null })));
    this.watching().withoutWatching(() => restoreOtherPagesNotes(this.map, lists.flat()));
  }

  private fetchNotes(query: ArticleQuery): Promise<AnnotationRecord[]> {
    return sendMessage('annotationsForArticle', query).catch((error: unknown) => {
      console.warn('[研读] 读取已保存的标注失败', error);
      return [];
    });
  }

  /** The page changed by itself (late content, history navigation): run again if the article changed. */
  private async refresh(): Promise<void> {
    if (this.ctx.isInvalid) return;
    await this.run(false);
  }

  /** The article as read now, for the full-text export; null before an article was read. */
  fullText(): ArticleText | null {
    if (!this.hasArticle) return null;
    const items = this.marked() ? (this.analysis?.items ?? []).map(({ kind, start, end }) => ({ kind, start, end })) : [];
    return { title: this.title, text: this.map.text, items };
  }

  private marked(): boolean {
    return this.analysis !== null && (this.analysis.isPolicy || this.forced);
  }

  private count(kind: string): number {
    return this.analysis?.items.filter((item) => item.kind === kind).length ?? 0;
  }

  /** Takes in a (new) article: removes old marks, analyses, marks, fills the panel. */
  private apply(article: ExtractedArticle): void {
    // Old marks gone and their splits rejoined: extract again so the map names live nodes.
    const fresh = this.clear() ? (extractArticle(document) ?? article) : article;
    this.map.adopt(fresh.map);
    this.hasArticle = true;
    this.title = fresh.title ?? '';
    this.appliedForced = this.forced;
    this.analysis = onlyKinds(analyze({ text: fresh.text, title: fresh.title, force: this.forced }), this.kinds ?? new Set());
    // The 提法库 summary is for the notebook, not for this page: built after the page is done.
    const analysis = this.analysis;
    this.ctx.setTimeout(() => reportAnalysis(analysis, fresh), 0);
    if (this.marked()) {
      this.autoMarks = markAnalysis(this.map, this.analysis.items);
      this.panelContent.value = {
        title: fresh.title,
        byline: [fresh.source, fresh.published].filter(Boolean).join(' · ') || null,
        counts: this.analysis.outline.counts,
        articleRoot: fresh.root,
        pages: findPageLinks(document, location.href),
        ...panelModel(this.analysis),
      };
    }
    this.deps.onArticle(this.map, fresh);
  }

  /** Removes every mark of ours and empties the panel; says whether there were marks. */
  private clear(): boolean {
    const marks = [...this.autoMarks, ...this.map.root.querySelectorAll('yd-mark[data-annotation]')];
    unwrapMarks(this.map, marks);
    this.autoMarks = [];
    this.analysis = null;
    this.panelContent.value = null;
    return marks.length > 0;
  }
}
