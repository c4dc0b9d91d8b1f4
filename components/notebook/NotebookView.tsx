/**
 * The notebook page: one search box, the filters, the notes or articles list,
 * the 提法库, selection with delete and undo, export by format, backup and
 * restore. Data by props, actions by callbacks (entrypoints/notebook wires them).
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ArticleRow, NoteRow } from '@/lib/model/notebook';
import { FileInput } from '../FileInput';
import { ArticleList } from './ArticleList';
import { Filters, type FiltersProps } from './Filters';
import { NoteList } from './NoteList';

/** The notebook's views. */
export type NotebookTab = 'notes' | 'articles' | 'formulations';
/** Export formats offered, named as the reader knows them (DESIGN.md contract). */
export const EXPORT_BUTTONS = [
  ['docx', 'Word'],
  ['markdown', 'Markdown'],
  ['text', '文本'],
  ['csv', 'CSV'],
] as const;
/** What the backup and 学习包 choosers accept (both are JSON files). */
const JSON_FILES = 'application/json,.json';
/** One export format's id. */
export type ExportChoice = (typeof EXPORT_BUTTONS)[number][0];
/** One article's full text with the reader's marks: 全文网页 (DESIGN.md contract) and its Markdown. */
export const FULL_TEXT_BUTTONS = [
  ['html', '全文网页'],
  ['markdown', '全文 Markdown'],
] as const;
/** A full-text format's id. */
export type FullTextChoice = (typeof FULL_TEXT_BUTTONS)[number][0];

/** The view's props: the filters' (shown above the lists) and its own. */
export interface NotebookViewProps extends FiltersProps {
  /** The view shown. */
  tab: NotebookTab;
  /** Switches the view. */
  onTab: (tab: NotebookTab) => void;
  /** The search box's text. */
  query: string;
  /** Reports typing in the search box. */
  onQuery: (query: string) => void;
  /** The notes loaded; null while loading. */
  notes: readonly NoteRow[] | null;
  /** The articles loaded; null while loading. */
  articles: readonly ArticleRow[] | null;
  /** 学习时长 in minutes of the articles shown, by key; absent when switched off. */
  readingMinutes?: ReadonlyMap<string, number>;
  /** Selected note ids and article keys. */
  selectedNotes: ReadonlySet<string>;
  /** Selected article keys. */
  selectedArticles: ReadonlySet<string>;
  /** Selects or unselects a note. */
  onToggleNote: (id: string) => void;
  /** Selects or unselects an article. */
  onToggleArticle: (key: string) => void;
  /** Shows one article's notes. */
  onOpenArticle: (key: string) => void;
  /** Loads more notes / articles. */
  onMoreNotes?: () => void;
  /** Loads more articles. */
  onMoreArticles?: () => void;
  /** Deletes the selected notes. */
  onDelete: () => void;
  /** Present while the last deletion can be undone. */
  onUndo?: () => void;
  /** Exports the selection (or what the list shows) in a format. */
  onExport: (format: ExportChoice) => void;
  /** Exports one article's full text with the reader's marks (the one chosen, or the one the list shows). */
  onFullText: (format: FullTextChoice, withStructure: boolean) => void;
  /** Writes the backup file. */
  onBackup: () => void;
  /** Restores a backup file. */
  onImport: (file: File) => void;
  /** Writes a 学习包 of the selection (or of what the list shows). */
  onStudyPack: () => void;
  /** Imports another member's 学习包. */
  onImportStudyPack: (file: File) => void;
  /** Present while a restore runs: cancels it (the database stays as it was). */
  onCancelImport?: () => void;
  /** A status line (export done, import progress and summary). */
  status: string | null;
  /** An error to show, in Chinese. */
  error: string | null;
  /** The 提法库 view (rendered by the caller). */
  formulations: ComponentChildren;
  /** Height for the lists, in pixels. */
  listHeight: number;
}

const TABS: [NotebookTab, string][] = [
  ['notes', '笔记'],
  ['articles', '文章'],
  ['formulations', '提法库'],
];

export function NotebookView(props: NotebookViewProps): JSX.Element {
  const [withStructure, setWithStructure] = useState(true);
  const selectedCount = props.selectedNotes.size + props.selectedArticles.size;
  return (
    <main class="notebook">
      <header class="top">
        <h1>研读笔记本</h1>
        <input
          type="search"
          role="searchbox"
          aria-label="搜索笔记"
          placeholder="搜索划线、批注、标签、标题"
          value={props.query}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
        />
      </header>
      <nav class="tabs" role="tablist">
        {TABS.map(([tab, name]) => (
          <button key={tab} type="button" role="tab" aria-selected={props.tab === tab} onClick={() => props.onTab(tab)}>{name}</button>
        ))}
      </nav>
      <div class="actions" role="toolbar" aria-label="导出与管理">
        <span class="selected">{selectedCount > 0 ? `已选 ${selectedCount} 项` : '未选择：导出当前列表'}</span>
        {EXPORT_BUTTONS.map(([format, name]) => (
          <button key={format} type="button" onClick={() => props.onExport(format)}>{name}</button>
        ))}
        {FULL_TEXT_BUTTONS.map(([format, name]) => (
          <button key={format} type="button" title="一篇文章的全文，带我的划线和批注" onClick={() => props.onFullText(format, withStructure)}>{name}</button>
        ))}
        <label class="structure">
          <input type="checkbox" checked={withStructure} onChange={(e) => setWithStructure(e.currentTarget.checked)} />
          全文含文章结构
        </label>
        <button type="button" onClick={props.onStudyPack} title="把所选文章和我的笔记导出为学习包，发给支部其他成员">学习包</button>
        <FileInput class="import" label="导入学习包" accept={JSON_FILES} onFile={props.onImportStudyPack} />
        <button type="button" onClick={props.onBackup}>备份</button>
        <FileInput class="import" label="导入备份" accept={JSON_FILES} onFile={props.onImport} />
        <button type="button" disabled={props.selectedNotes.size === 0} onClick={props.onDelete}>删除所选</button>
        {props.onUndo && <button type="button" onClick={props.onUndo}>撤销</button>}
      </div>
      {props.error && <p role="alert" class="error">{props.error}</p>}
      {props.status && (
        <p role="status" class="status">
          {props.status}
          {props.onCancelImport && <button type="button" class="cancel" onClick={props.onCancelImport}>取消导入</button>}
        </p>
      )}
      {props.tab === 'formulations' ? (
        props.formulations
      ) : (
        <>
          <Filters filter={props.filter} sort={props.sort} sites={props.sites} tags={props.tags} members={props.members} onFilter={props.onFilter} onSort={props.onSort} />
          {props.tab === 'notes' ? (
            props.notes === null ? (
              <p class="loading">正在读取…</p>
            ) : props.notes.length === 0 ? (
              <p class="empty">{props.query || Object.keys(props.filter).length > 0 ? '没有符合条件的笔记。' : '还没有笔记。在政策文章中选中文字，点“划线”或“批注”即可保存。'}</p>
            ) : (
              <NoteList rows={props.notes} selected={props.selectedNotes} onToggle={props.onToggleNote} onMore={props.onMoreNotes} height={props.listHeight} />
            )
          ) : props.articles === null ? (
            <p class="loading">正在读取…</p>
          ) : props.articles.length === 0 ? (
            <p class="empty">没有文章。</p>
          ) : (
            <ArticleList rows={props.articles} readingMinutes={props.readingMinutes} selected={props.selectedArticles} onToggle={props.onToggleArticle} onOpen={props.onOpenArticle} onMore={props.onMoreArticles} height={props.listHeight} />
          )}
        </>
      )}
    </main>
  );
}
