/**
 * One page's reader: extract → analyse → mark, again when the page fills in its
 * article late or navigates without a reload, and never in a loop with our own
 * marks. Sets the page contract attributes each time it finishes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyze, type Analysis } from '@/lib/analysis';
import { extractArticle, type ExtractedArticle, TextMap } from '@/lib/extract';
import { unwrapMarks } from '@/lib/highlight/unwrap';
import { sendMessage } from '@/lib/messaging';
import { markPageDone } from '@/lib/page-state';
import { panelModel } from '@/lib/reader/panel-model';
import { watchContent, type ContentWatch } from '@/lib/reader/content-watch';
import { markAnalysis } from './marks';
import { pageQuery, restoreNotes } from './notes-state';
import type { PanelUi } from './panel-ui';

/** What the reader needs from around it. */
export interface ReaderDeps {
  /** The outline panel, mounted once per page. */
  panel: PanelUi;
  /** Called once the page has an article, with the reader's map (stable across re-runs). */
  onArticle: (map: TextMap, article: ExtractedArticle) => void;
}

export class PageReader {
  /** The article text and its DOM map; the same object across re-runs (TextMap.adopt). */
  readonly map = new TextMap(document.createElement('div'));
  private hasArticle = false;
  private forced = false;
  /** Whether the marks on the page were made in forced mode. */
  private appliedForced = false;
  private analysis: Analysis | null = null;
  private autoMarks: Element[] = [];
  private readonly watch: ContentWatch;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly deps: ReaderDeps,
  ) {
    this.watch = watchContent(document.body ?? document.documentElement, () => void this.refresh());
    ctx.onInvalidated(() => this.watch.stop());
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.watch.restart();
      void this.refresh();
    });
  }

  /**
   * Runs on the page. `forced` (the reader asked, from the toolbar button):
   * mark even a page that does not score as policy.
   */
  async run(forced: boolean): Promise<void> {
    this.forced ||= forced;
    const startedAt = performance.now();
    document.documentElement.setAttribute('data-yd-state', 'working');
    const saved = sendMessage('annotationsForArticle', pageQuery()).catch((error: unknown) => {
      console.warn('[研读] 读取已保存的标注失败', error);
      return [];
    });
    const article = extractArticle(document);
    if (article && (article.text !== this.map.text || this.forced !== this.appliedForced)) {
      this.watch.withoutWatching(() => this.apply(article));
      const notes = await saved;
      this.watch.withoutWatching(() => restoreNotes(this.map, notes));
    } else if (!article && this.hasArticle) {
      this.watch.withoutWatching(() => this.clear());
    }
    const isPolicy = this.analysis?.isPolicy ?? false;
    void sendMessage('reportPage', { isPolicy, directiveCount: this.marked() ? this.count('directive') : 0 }).catch(
      () => undefined,
    );
    markPageDone(document.documentElement, { isPolicy, elapsedMs: performance.now() - startedAt });
  }

  /** The page changed by itself (late content, history navigation): run again if the article changed. */
  private async refresh(): Promise<void> {
    if (this.ctx.isInvalid) return;
    await this.run(false);
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
    this.appliedForced = this.forced;
    this.analysis = analyze({ text: fresh.text, title: fresh.title, force: this.forced });
    if (this.marked()) {
      this.autoMarks = markAnalysis(this.map, this.analysis.items);
      this.deps.panel.content.value = {
        title: fresh.title,
        counts: this.analysis.outline.counts,
        articleRoot: fresh.root,
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
    this.deps.panel.content.value = null;
    return marks.length > 0;
  }
}
