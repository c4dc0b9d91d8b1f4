/**
 * One page's reader: extract → analyse → mark, again when the page fills in its
 * article late or navigates without a reload, and never in a loop with our own
 * marks. Sets the page contract attributes each time it finishes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyze, type Analysis } from '@/lib/analysis';
import { ALL_KINDS, DEFAULT_MARK_KINDS, type ItemKind } from '@/lib/model/kinds';
import { extractArticle, type ExtractedArticle, TextMap } from '@/lib/extract';
import { findPageLinks } from '@/lib/extract/pages';
import { unwrapMarks } from '@/lib/highlight/unwrap';
import { sendMessage, type ArticleText } from '@/lib/messaging';
import { markPageDone, PhaseClock } from '@/lib/page-state';
import { onlyKinds } from '@/lib/reader/mark-kinds';
import { panelModel } from '@/lib/reader/panel-model';
import { kindColorsItem, markKindsItem } from '@/lib/reader/preferences';
import type { KindColors } from '@/lib/model/kinds';
import { watchContent, type ContentWatch } from '@/lib/reader/content-watch';
import { framesPolicy } from './frames';
import { markAnalysis } from './marks';
import { pageQuery, restoreNotes, restoreOtherPagesNotes } from './notes-state';
import { jumpToLinkedNote, reportAnalysis } from './notebook-link';
import { signal } from '@preact/signals-core';
import { articleKey } from '@/lib/article-key';
import { hasNotes } from '@/lib/noted-articles';
import { notedItemKey, readPageStart, takeEarlyRead } from '@/lib/reader/page-start';
import type { AnnotationRecord } from '@/lib/model/records';
import type { ArticleQuery } from '@/lib/protocol/schema';
import type { PanelContent } from './panel-ui';

/** What the reader needs from around it. */
export interface ReaderDeps {
  /** Called once the page has an article, with the reader's map (stable across re-runs). */
  onArticle: (map: TextMap, article: ExtractedArticle) => void;
  /** Called before the first marks go into the page (the marks' styles); a page without marks gets them after done. */
  beforeMarks: () => void;
}

/** A promise and, once it has resolved, its value (read without an await). */
interface Answer<T> {
  promise: Promise<T>;
  value?: T;
}

function answer<T>(promise: Promise<T>): Answer<T> {
  const known: Answer<T> = { promise };
  promise.then((value) => (known.value = value), () => undefined);
  return known;
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
  private prefetched: { key: string; notes: Answer<AnnotationRecord[]> } | null = null;
  private analysis: Analysis | null = null;
  /** Work for the notebook found during a run, started once the page is done. */
  private readonly afterDone: (() => void)[] = [];
  private autoMarks: Element[] = [];
  private watch: ContentWatch | null = null;
  /** The kinds the reader wants marked (settings), asked for at document_start; null until the answer came. */
  private kinds: ReadonlySet<ItemKind> | null = null;
  /** Settled once `kinds` is known. */
  private readonly markKinds: Promise<unknown>;
  /** The reader's colours per kind (settings), asked for at document_start. */
  readonly kindColors: Promise<KindColors>;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly deps: ReaderDeps,
  ) {
    // At document_start, one read of extension storage for the settings and the page's entry in the noted set
    // (each read is a round trip to the browser; under load one took 80–160 ms to answer), made by the early
    // script while this one was compiled (lib/reader/page-start.ts), else now. Only an article that has notes
    // asks the background for them, and that first message goes out while the page loads.
    const query = pageQuery();
    const { key, values: read } = takeEarlyRead(globalThis, articleKey(query.url, query.canonicalUrl)) ?? readPageStart(query.url, query.canonicalUrl);
    const noted = notedItemKey(key);
    this.markKinds = read
      .then((values) => (values.get(markKindsItem.key) as ItemKind[] | null) ?? markKindsItem.fallback)
      .catch((): readonly ItemKind[] => DEFAULT_MARK_KINDS)
      .then((kinds) => (this.kinds = new Set(kinds)));
    this.kindColors = read.then((values) => (values.get(kindColorsItem.key) as KindColors | null) ?? kindColorsItem.fallback);
    // Storage unreadable: ask the background, rather than miss a note.
    const any = read.then((values) => values.get(noted) !== null, () => true);
    this.prefetched = { key, notes: answer(any.then((yes) => (yes ? this.fetchNotes(query) : []))) };
    ctx.onInvalidated(() => this.watch?.stop());
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.watch?.restart();
      void this.refresh();
    });
  }

  /**
   * Runs `write`, a change of ours to the page outside the marks (our UI's hosts), unseen by the watch for
   * late content: the article did not change, and a re-read of a marked page would rebuild every mark.
   */
  readonly ownWrite = (write: () => void): void => {
    this.watching().withoutWatching(write);
  };

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
    const clock = new PhaseClock();
    const saved = this.savedNotes();
    try {
      const article = clock.time('extract', () => extractArticle(document));
      if (article && (article.text !== this.map.text || this.forced !== this.appliedForced)) {
        const fresh = this.watching().withoutWatching(() => this.take(article, clock));
        // The kinds to mark, asked for at document_start: waited for only on a page that gets marks.
        if (this.marked() && !this.kinds) await this.markKinds;
        this.watching().withoutWatching(() => this.mark(fresh, clock));
        // Known already (the usual case: asked at document_start): no await, so no yield to the page's tasks.
        const notes = saved.value ?? (await clock.timeAsync('notes', saved.promise));
        if (notes.length > 0) this.deps.beforeMarks();
        clock.time('notes', () => this.watching().withoutWatching(() => restoreNotes(this.map, notes)));
        // A multi-page article's notes may be saved under another page's address: after done, not before.
        this.afterDone.push(() => void this.restoreOtherPages());
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
    markPageDone(document.documentElement, { isPolicy, elapsedMs: performance.now() - startedAt, phases: clock.times });
    // The badge and the 提法库 are not part of reading the page: their messages go out after done, each
    // in a task of its own, so whoever waits for done (the page, a test) hears of it first. The frames'
    // readers reported their articles (and the badge count) themselves.
    if (framed === null) {
      const report = { isPolicy, directiveCount: this.marked() ? this.count('directive') : 0 };
      this.afterDone.unshift(() => void sendMessage('reportPage', report).catch(() => undefined));
    }
    for (const work of this.afterDone.splice(0)) this.ctx.setTimeout(work, 0);
  }

  /** The saved notes of the page as it is now: the prefetched answer when the query is unchanged. */
  private savedNotes(): Answer<AnnotationRecord[]> {
    const query = pageQuery();
    const key = articleKey(query.url, query.canonicalUrl);
    const early = this.prefetched;
    this.prefetched = null;
    // The same article (e.g. a canonical link of another site, which does not count) gets the early answer.
    return early?.key === key ? early.notes : answer(this.notesIfAny(key, query));
  }

  /** The article's notes, asked of the background only when the stored set names the article. */
  private async notesIfAny(key: string, query: ArticleQuery): Promise<AnnotationRecord[]> {
    // Storage unreadable: ask the background, rather than miss a note.
    const any = await hasNotes(browser.storage.local, [key]).catch(() => true);
    return any ? this.fetchNotes(query) : [];
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
    // Only the pages the stored set names are asked for (most have no notes: no message).
    const lists = await Promise.all([...others].map(([key, url]) => this.notesIfAny(key, { url, canonicalUrl: null })));
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

  /** Takes in a (new) article: removes old marks, analyses it; returns the article as taken. */
  private take(article: ExtractedArticle, clock: PhaseClock): ExtractedArticle {
    // Old marks gone and their splits rejoined: extract again so the map names live nodes. The first article
    // has none to clear.
    const fresh = clock.time('extract', () => (this.hasArticle && this.clear() ? (extractArticle(document) ?? article) : article));
    this.map.adopt(fresh.map);
    this.hasArticle = true;
    this.title = fresh.title ?? '';
    this.appliedForced = this.forced;
    // Only the kinds shown are looked for (all while the settings are not read yet), and a page that
    // cannot be policy is left before any detector runs.
    this.analysis = clock.time('analyse', () =>
      analyze({ text: fresh.text, title: fresh.title, force: this.forced, wanted: this.kinds ?? new Set(ALL_KINDS) }),
    );
    return fresh;
  }

  /** Marks the analysed article in the kinds the reader chose and fills the panel. */
  private mark(fresh: ExtractedArticle, clock: PhaseClock): void {
    const analysis = onlyKinds(this.analysis!, this.kinds ?? new Set());
    this.analysis = analysis;
    // The 提法库 summary is for the notebook, not for this page: built and sent after the page is done.
    this.afterDone.push(() => reportAnalysis(analysis, fresh));
    if (this.marked()) {
      clock.time('mark', () => {
        // Read before the marks split the page's text nodes (the source and date are read from its text).
        const byline = [fresh.source, fresh.published].filter(Boolean).join(' · ') || null;
        this.deps.beforeMarks();
        this.autoMarks = markAnalysis(this.map, analysis.items);
        this.panelContent.value = {
          title: fresh.title,
          byline,
          counts: analysis.outline.counts,
          articleRoot: fresh.root,
          pages: findPageLinks(document, location.href),
          ...panelModel(analysis),
        };
      });
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
