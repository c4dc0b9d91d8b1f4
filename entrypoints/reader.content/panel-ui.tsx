/**
 * Mounts the outline panel in our shadow root and keeps it in step with the
 * reader's state (signals). Clicking an entry scrolls the page to its marks and
 * flashes them; the section being read follows the scroll. Its 我的批注 tab is
 * a note frame (an extension page): the reader's notes never enter the page's DOM.
 */
import panelCss from '@/components/OutlinePanel.css?inline';
import { effect, signal, type Signal } from '@preact/signals-core';
import type { JSX } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { OutlinePanel, type PanelTab } from '@/components/OutlinePanel';
import { requestFailureMessage } from '@/lib/explain';
import { flashMarks } from '@/lib/highlight';
import type { ItemKind } from '@/lib/model/kinds';
import type { PanelModel } from '@/lib/reader/panel-model';
import { hiddenKindsItem, panelCollapsedItem } from '@/lib/reader/preferences';
import { jumpToNote, pageNotes } from './notes-state';
import { createNoteFrame } from './note-frame-host';
import { mountShadowView, type OwnWrite } from './shadow-ui';

/** Room the open panel takes at the right edge of the window (its width, margin and a gap). */
const PANEL_SPACE_PX = 330;

/** What the panel shows, set by the reader as it analyses the page. */
export interface PanelContent extends PanelModel {
  /** The article's title. */
  title: string | null;
  /** Source and date under the title ("人民日报 · 2024-01-01"), or null. */
  byline: string | null;
  /** The counts line. */
  counts: string;
  /** The article's element: the panel opens by itself only where it does not cover it. */
  articleRoot: Element;
  /** All pages of a multi-page article in order (lib/extract/pages.ts); empty for one page. */
  pages: string[];
}

/** What the panel can ask of the reader. */
export interface PanelActions {
  /** Loads the other pages of the article into this view; resolves to how many came. */
  loadPages: (content: PanelContent) => Promise<number>;
  /** Puts the panel into the page past the reader's watch for late content. */
  ownWrite: OwnWrite;
}


function marksOfItem(id: number): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`yd-mark[data-item="${id}"]`)];
}

function jumpTo(id: number): void {
  flashMarks(marksOfItem(id));
}

/** Keeps `active` on the top-level outline entry whose section is on screen. */
function followScroll(ctx: ContentScriptContext, content: Signal<PanelContent | null>, active: Signal<number | null>): void {
  const update = (): void => {
    const nodes = content.value?.nodes ?? [];
    let current: number | null = null;
    for (const node of nodes) {
      const mark = marksOfItem(node.id)[0];
      if (mark && mark.getBoundingClientRect().top < window.innerHeight / 3) current = node.id;
    }
    active.value = current;
  };
  let scheduled = false;
  ctx.addEventListener(window, 'scroll', () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      update();
    });
  }, { passive: true });
}

/** Holds `frame` in the panel's tab while the tab shows (taken out, it unloads; put back, it reconnects). */
function FrameSlot({ frame }: { frame: HTMLIFrameElement }): JSX.Element {
  const hold = (slot: HTMLDivElement | null): void => {
    if (slot && slot.firstChild !== frame) slot.append(frame);
  };
  return <div ref={hold} />;
}

/** 我的批注 as a note frame, kept in step with the page's notes. */
function notesFrame(): HTMLIFrameElement {
  const frame = createNoteFrame('我的批注', {
    select: ({ id }) => jumpToNote(id),
    size: ({ height }) => frame.element.style.setProperty('height', `${height}px`),
  });
  frame.element.setAttribute('style', 'display:block;width:100%;height:60px;border:0;background:transparent;color-scheme:normal');
  effect(() => frame.show({ kind: 'notes', notes: pageNotes.value }));
  return frame.element;
}

/** Mounts the panel showing `content` (null: no panel, a page without marks). */
export async function mountPanel(ctx: ContentScriptContext, content: Signal<PanelContent | null>, actions: PanelActions): Promise<void> {
  const chosen = await panelCollapsedItem.getValue();
  const collapsed = signal(chosen ?? false);
  let readerChose = chosen !== null;
  // Until the reader chooses, the panel starts collapsed where it would cover the article.
  effect(() => {
    const shown = content.value;
    if (shown && !readerChose) {
      collapsed.value = shown.articleRoot.getBoundingClientRect().right + PANEL_SPACE_PX > window.innerWidth;
    }
  });
  const hidden = signal<ReadonlySet<ItemKind>>(new Set(await hiddenKindsItem.getValue()));
  const active = signal<number | null>(null);
  // The tab showing; back to 文章大纲 whenever the panel goes (as the panel's own state went with it before).
  const tab = signal<PanelTab>('outline');
  effect(() => {
    if (!content.value) tab.value = 'outline';
  });
  const pagesState = signal<{ state: 'idle' | 'loading' | 'done'; message: string | null }>({ state: 'idle', message: null });
  const loadPages = (shown: PanelContent): void => {
    pagesState.value = { state: 'loading', message: null };
    actions.loadPages(shown).then(
      (count) => (pagesState.value = { state: 'done', message: `已载入其余 ${count} 页` }),
      (error: unknown) => (pagesState.value = { state: 'idle', message: `载入失败：${requestFailureMessage(error)}` }),
    );
  };

  effect(() => {
    const kinds = [...hidden.value].join(' ');
    if (kinds) document.documentElement.setAttribute('data-yd-hide', kinds);
    else document.documentElement.removeAttribute('data-yd-hide');
  });
  followScroll(ctx, content, active);
  const notes = notesFrame();

  await mountShadowView(ctx, 'yandu-panel', panelCss, () => {
    const shown = content.value;
    if (!shown) return null;
    return (
      <OutlinePanel
        title={shown.title}
        byline={shown.byline}
        pages={shown.pages.length > 1 ? { count: shown.pages.length, ...pagesState.value } : undefined}
        onLoadPages={() => loadPages(shown)}
        counts={shown.counts}
        nodes={shown.nodes}
        formulations={shown.formulations}
        collapsed={collapsed.value}
        hiddenKinds={hidden.value}
        activeId={active.value}
        onToggleCollapsed={() => {
          readerChose = true;
          collapsed.value = !collapsed.value;
          void panelCollapsedItem.setValue(collapsed.value);
        }}
        onToggleKind={(kind) => {
          const next = new Set(hidden.value);
          if (!next.delete(kind)) next.add(kind);
          hidden.value = next;
          void hiddenKindsItem.setValue([...next]);
        }}
        onSelect={jumpTo}
        notesTab={<FrameSlot frame={notes} />}
        tab={tab.value}
        onTab={(chosen) => (tab.value = chosen)}
      />
    );
  }, actions.ownWrite);
}
