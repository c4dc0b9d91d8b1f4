/**
 * The in-page outline panel: the article's outline as a tree (leads and
 * headings, their directives under them), the counts, the formulations, and
 * per-kind switches. Props in, callbacks out; the content script places it,
 * scrolls the page and keeps its state (also which tab shows: no hooks, so the
 * content script's bundle carries no preact/hooks).
 */
import type { ComponentChildren, JSX } from 'preact';
import { KINDS, type ItemKind } from '@/lib/model/kinds';
import type { PanelFormulation, PanelNode } from '@/lib/reader/panel-model';

/** The panel's tabs: 文章大纲 and 我的批注. */
export type PanelTab = 'outline' | 'notes';

export interface OutlinePanelProps {
  /** The article's title, or null. */
  title: string | null;
  /** Source and date of the article, shown under the title; null when the page gives neither. */
  byline?: string | null;
  /** The counts line, e.g. “4个方面 · 14项举措 · 10个提法”. */
  counts: string;
  /** The outline tree. */
  nodes: readonly PanelNode[];
  /** Distinct formulations, in order of first occurrence. */
  formulations: readonly PanelFormulation[];
  /** Whether only the panel's tab handle shows. */
  collapsed: boolean;
  /** Kinds whose marks are hidden. */
  hiddenKinds: ReadonlySet<ItemKind>;
  /** The outline entry of the section being read, highlighted in the tree. */
  activeId: number | null;
  /** A multi-page article: how many pages, and whether the others are being (or were) loaded here. */
  pages?: { count: number; state: 'idle' | 'loading' | 'done'; message: string | null };
  /** The reader asked to load the other pages into this view. */
  onLoadPages?: () => void;
  /** Content of the 我的批注 tab; the tab shows only when given. */
  notesTab?: ComponentChildren;
  /** The tab showing while notesTab is given (文章大纲 or 我的批注). */
  tab: PanelTab;
  /** The reader chose a tab. */
  onTab: (tab: PanelTab) => void;
  /** The reader collapsed or opened the panel. */
  onToggleCollapsed: () => void;
  /** The reader switched a kind's marks off or on. */
  onToggleKind: (kind: ItemKind) => void;
  /** The reader chose an entry: scroll to that item. */
  onSelect: (id: number) => void;
}

function OutlineTree({ nodes, activeId, onSelect }: Pick<OutlinePanelProps, 'activeId' | 'onSelect'> & { nodes: readonly PanelNode[] }): JSX.Element {
  return (
    <ul class="yd-tree" role="list">
      {nodes.map((node) => (
        <li key={node.id}>
          <button
            type="button"
            class={`yd-entry yd-kind-${node.kind}${node.id === activeId ? ' yd-active' : ''}`}
            aria-current={node.id === activeId ? 'location' : undefined}
            onClick={() => onSelect(node.id)}
          >
            {node.label}
          </button>
          {node.children.length > 0 && <OutlineTree nodes={node.children} activeId={activeId} onSelect={onSelect} />}
        </li>
      ))}
    </ul>
  );
}

export function OutlinePanel(props: OutlinePanelProps): JSX.Element {
  const { title, counts, nodes, formulations, collapsed, hiddenKinds, activeId, notesTab, tab } = props;
  if (collapsed) {
    return (
      <button type="button" class="yd-handle" aria-expanded="false" aria-label="展开研读提纲" onClick={props.onToggleCollapsed}>
        提纲
      </button>
    );
  }
  return (
    <aside class="yd-panel" aria-label="研读提纲">
      <header class="yd-header">
        <strong class="yd-brand">研读</strong>
        <span class="yd-counts">{counts}</span>
        <button type="button" class="yd-collapse" aria-expanded="true" aria-label="收起研读提纲" onClick={props.onToggleCollapsed}>
          ×
        </button>
      </header>
      {title && <p class="yd-title">{title}</p>}
      {props.byline && <p class="yd-byline">{props.byline}</p>}
      {props.pages && (
        <p class="yd-pages">
          本文共 {props.pages.count} 页
          {props.pages.state !== 'done' && (
            <button type="button" disabled={props.pages.state === 'loading'} onClick={props.onLoadPages}>
              {props.pages.state === 'loading' ? '正在载入…' : '载入全部页面'}
            </button>
          )}
          {props.pages.message && <span role="status"> {props.pages.message}</span>}
        </p>
      )}
      <div class="yd-kinds" role="group" aria-label="显示的标注">
        {KINDS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            class={`yd-kind yd-kind-${kind}`}
            aria-pressed={!hiddenKinds.has(kind)}
            onClick={() => props.onToggleKind(kind)}
          >
            {label}
          </button>
        ))}
      </div>
      {notesTab !== undefined && (
        <div class="yd-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'outline'} onClick={() => props.onTab('outline')}>
            文章大纲
          </button>
          <button type="button" role="tab" aria-selected={tab === 'notes'} onClick={() => props.onTab('notes')}>
            我的批注
          </button>
        </div>
      )}
      <div class="yd-body">
        {tab === 'notes' && notesTab !== undefined ? (
          notesTab
        ) : (
          <>
            {nodes.length > 0 ? (
              <OutlineTree nodes={nodes} activeId={activeId} onSelect={props.onSelect} />
            ) : (
              <p class="yd-empty">本文没有分条的提纲。</p>
            )}
            {formulations.length > 0 && (
              <section aria-label="提法">
                <h3 class="yd-subhead">提法</h3>
                <ul class="yd-formulations" role="list">
                  {formulations.map((f) => (
                    <li key={f.id}>
                      <button type="button" class="yd-entry yd-kind-slogan" onClick={() => props.onSelect(f.id)}>
                        {f.text}
                        {f.count > 1 && <span class="yd-times">×{f.count}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
