/**
 * The reader's own highlights and notes on the page: selection (or a clicked
 * automatic mark) → toolbar → 划线 / 批注 / 复制引用; a click on an own mark
 * opens its note; hover shows it; delete with undo; keyboard commands. Talks to
 * the background by messages and draws with lib/highlight; the UI state lives
 * in one signal rendered by components/NotesLayer.
 */
import type { Signal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { NotesLayerState } from '@/components/NotesLayer';
import type { NoteInput } from '@/components/NoteEditor';
import { matchAnchor } from '@/lib/anchoring/match';
import { describeSpan } from '@/lib/anchoring/quote';
import { formatCitation, formatDate } from '@/lib/citation';
import { isConflict } from '@/lib/db/errors';
import { requestFailureMessage } from '@/lib/explain';
import type { AnnotationRecord } from '@/lib/model/records';
import type { TextMap } from '@/lib/extract';
import { wrapSpan } from '@/lib/highlight';
import { unwrapMarks } from '@/lib/highlight/unwrap';
import { onMessage, sendMessage } from '@/lib/messaging';
import { randomUuid } from '@/lib/uuid';
import type { HighlightColor } from '@/lib/model/colors';
import { marksOfNote, pageNotes, pageQuery } from './notes-state';
import { boxPlace, itemSpan, selectedSpan, toolbarPlace, type TargetSpan } from './selection';

/** The note editor's size, for placing it inside the viewport. */
const EDITOR_WIDTH_PX = 340;
const EDITOR_HEIGHT_PX = 300;
/** How long the 已删除 · 撤销 notice stays. */
const TOAST_MS = 10_000;
/** How long 已复制 shows on the toolbar. */
const COPIED_MS = 1_500;

/** The article the notes belong to, as the reader read it (lib/extract): 复制引用 cites these. */
export interface PageIdentity {
  /** The page URL. */
  url: string;
  /** The article's title. */
  title: string;
  /** The name the site is cited by (人民网), or its host. */
  site: string;
  /** The publication date as the article states it (lib/extract), or null. */
  published: string | null;
}

/** What the layer's buttons call. */
export interface NotesActions {
  highlight: (color: HighlightColor) => void;
  note: () => void;
  copy: () => void;
  save: (input: NoteInput) => void;
  cancel: () => void;
  remove: () => void;
  undo: () => void;
}

export function createNotesController(
  ctx: ContentScriptContext,
  map: TextMap,
  page: PageIdentity,
  state: Signal<NotesLayerState>,
): NotesActions {
  /** The span the toolbar acts on. */
  let target: TargetSpan | null = null;
  /** The toolbar stands for a clicked automatic mark, not a selection: a collapsed selection does not hide it. */
  let pinned = false;
  /** The note the editor edits (null: a new note on `editorSpan`). */
  let editing: AnnotationRecord | null = null;
  let editorSpan: TargetSpan | null = null;
  /** The last deleted note and where it stood, for 撤销. */
  let lastDeleted: AnnotationRecord | null = null;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts editor openings (crypto.randomUUID is missing on http pages, which are not secure contexts). */
  let openings = 0;

  const set = (patch: Partial<NotesLayerState>): void => {
    state.value = { ...state.value, ...patch };
  };
  const setToolbar = (patch: Partial<NotesLayerState['toolbar']>): void => set({ toolbar: { ...state.value.toolbar, ...patch } });
  const hideToolbar = (): void => {
    target = null;
    pinned = false;
    set({ toolbar: { at: null, message: null, busy: false } });
  };
  const showToolbarFor = (span: TargetSpan, forMark = false): void => {
    target = span;
    pinned = forMark;
    set({ toolbar: { at: toolbarPlace(span.rect), message: null, busy: false }, peek: null });
  };
  const showToast = (text: string, canUndo: boolean): void => {
    clearTimeout(toastTimer);
    set({ toast: { text, canUndo } });
    toastTimer = setTimeout(() => set({ toast: null }), TOAST_MS);
  };

  const draw = (record: AnnotationRecord, start: number, end: number): void => {
    wrapSpan(map, start, end, { 'data-annotation': record.id, 'data-color': record.color });
    pageNotes.value = [...pageNotes.value.filter((n) => n.record.id !== record.id), { record, place: { start, end } }];
  };
  const replaceRecord = (record: AnnotationRecord): void => {
    pageNotes.value = pageNotes.value.map((n) => (n.record.id === record.id ? { ...n, record } : n));
  };

  // One id per span, made here: a save retried after a lost answer stores the note once.
  const idsOfSpans = new WeakMap<TargetSpan, string>();
  const saveNew = async (span: TargetSpan, input: NoteInput): Promise<void> => {
    const anchor = describeSpan(map.text, span.start, span.end);
    const id = idsOfSpans.get(span) ?? randomUuid();
    idsOfSpans.set(span, id);
    const record = await sendMessage('saveAnnotation', {
      id,
      page: { url: page.url, title: page.title, canonicalUrl: pageQuery().canonicalUrl },
      ...anchor,
      ...input,
    });
    draw(record, span.start, span.end);
  };

  const highlight = async (color: HighlightColor): Promise<void> => {
    const span = target;
    if (!span) return;
    set({ color });
    setToolbar({ busy: true, message: null });
    try {
      await saveNew(span, { note: '', tags: [], color });
      window.getSelection()?.removeAllRanges();
      hideToolbar();
    } catch (error) {
      setToolbar({ busy: false, message: `保存失败：${requestFailureMessage(error)}` });
    }
  };

  const openEditor = (quote: string, rect: DOMRect, initial: NoteInput, existing: boolean): void => {
    set({
      editor: { key: String(++openings), at: boxPlace(rect, EDITOR_WIDTH_PX, EDITOR_HEIGHT_PX), quote, initial, existing, busy: false, error: null },
      peek: null,
    });
    sendMessage('listTags', undefined).then(
      (knownTags) => set({ knownTags }),
      () => undefined,
    );
  };

  const note = (): void => {
    const span = target;
    if (!span) return;
    editing = null;
    editorSpan = span;
    openEditor(map.text.slice(span.start, span.end), span.rect, { note: '', tags: [], color: state.value.color }, false);
    hideToolbar();
  };

  const openExisting = (record: AnnotationRecord, rect: DOMRect): void => {
    editing = record;
    editorSpan = null;
    hideToolbar();
    openEditor(record.quote.exact, rect, { note: record.note, tags: record.tags, color: record.color }, true);
  };

  const closeEditor = (): void => {
    editing = null;
    editorSpan = null;
    set({ editor: null });
  };

  const setEditor = (patch: Partial<NonNullable<NotesLayerState['editor']>>): void => {
    const editor = state.value.editor;
    if (editor) set({ editor: { ...editor, ...patch } });
  };

  /** After a conflict: take the other tab's version as the base, keep the reader's text in the editor. */
  const refreshAfterConflict = async (id: string): Promise<void> => {
    const current = (await sendMessage('annotationsForArticle', pageQuery())).find((r) => r.id === id);
    if (current) {
      editing = current;
      replaceRecord(current);
    }
  };

  const save = async (input: NoteInput): Promise<void> => {
    setEditor({ busy: true, error: null });
    try {
      if (editing) {
        const updated = await sendMessage('updateAnnotation', { id: editing.id, revision: editing.revision, ...input });
        for (const mark of marksOfNote(updated.id)) mark.setAttribute('data-color', updated.color);
        replaceRecord(updated);
      } else if (editorSpan) {
        await saveNew(editorSpan, input);
        window.getSelection()?.removeAllRanges();
      }
      set({ color: input.color });
      closeEditor();
    } catch (error) {
      // The editor stays open with the reader's text; only the message is new.
      if (editing && isConflict(error)) await refreshAfterConflict(editing.id).catch(() => undefined);
      setEditor({ busy: false, error: `保存失败：${requestFailureMessage(error)}` });
    }
  };

  const remove = async (): Promise<void> => {
    const record = editing;
    if (!record) return;
    setEditor({ busy: true, error: null });
    try {
      const deleted = await sendMessage('deleteAnnotation', { id: record.id });
      unwrapMarks(map, marksOfNote(record.id));
      pageNotes.value = pageNotes.value.filter((n) => n.record.id !== record.id);
      lastDeleted = deleted;
      closeEditor();
      showToast('已删除批注', true);
    } catch (error) {
      setEditor({ busy: false, error: `删除失败：${requestFailureMessage(error)}` });
    }
  };

  const undo = async (): Promise<void> => {
    const record = lastDeleted;
    if (!record) return;
    try {
      const restored = await sendMessage('restoreAnnotation', { id: record.id });
      lastDeleted = null;
      const place = matchAnchor(map.text, restored);
      if (place) draw(restored, place.start, place.end);
      else pageNotes.value = [...pageNotes.value, { record: restored, place: null }];
      showToast('已恢复批注', false);
    } catch (error) {
      showToast(`恢复失败：${requestFailureMessage(error)}`, true);
    }
  };

  const copy = async (): Promise<void> => {
    const span = target;
    if (!span) return;
    const text = formatCitation({
      quote: map.text.slice(span.start, span.end),
      title: page.title,
      site: page.site,
      date: formatDate(page.published),
      url: pageQuery().canonicalUrl ?? page.url,
    });
    try {
      await navigator.clipboard.writeText(text);
      setToolbar({ message: '已复制引用' });
      setTimeout(() => state.value.toolbar.message === '已复制引用' && setToolbar({ message: null }), COPIED_MS);
    } catch (error) {
      setToolbar({ message: `复制失败：${requestFailureMessage(error)}` });
    }
  };

  // Selection → toolbar.
  const onSelectionEnd = (): void => {
    const span = selectedSpan(map);
    if (span) showToolbarFor(span);
  };
  ctx.addEventListener(document, 'mouseup', () => setTimeout(onSelectionEnd, 0));
  ctx.addEventListener(document, 'keyup', (event) => {
    if (event.shiftKey || event.key === 'Shift') onSelectionEnd();
    if (event.key === 'Escape') hideToolbar();
  });
  ctx.addEventListener(document, 'selectionchange', () => {
    const { toolbar } = state.value;
    if (window.getSelection()?.isCollapsed && toolbar.at && !pinned && !toolbar.busy && !toolbar.message) hideToolbar();
  });

  // A click on an own mark opens its note; on an automatic mark, the toolbar for that item.
  ctx.addEventListener(document, 'click', (event) => {
    const element = event.target instanceof Element ? event.target : null;
    // Clicks in our own UI (its shadow host) and ends of a selection are not for this.
    if (element?.tagName.toLowerCase().startsWith('yandu-') || !window.getSelection()?.isCollapsed) return;
    const own = element?.closest('yd-mark[data-annotation]');
    const record = own && pageNotes.value.find((n) => n.record.id === own.getAttribute('data-annotation'))?.record;
    if (own && record) {
      openExisting(record, own.getBoundingClientRect());
      return;
    }
    const auto = element?.closest('yd-mark[data-kind]');
    const span = auto && itemSpan(map, auto);
    if (span) showToolbarFor(span, true);
    else if (!element?.closest('yd-mark')) hideToolbar();
  });

  // Hover over an own mark shows its note.
  ctx.addEventListener(document, 'mouseover', (event) => {
    const own = event.target instanceof Element ? event.target.closest('yd-mark[data-annotation]') : null;
    const record = own && pageNotes.value.find((n) => n.record.id === own.getAttribute('data-annotation'))?.record;
    if (!own || !record) {
      if (state.value.peek) set({ peek: null });
      return;
    }
    const text = [record.note, record.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join('\n') || '（无批注，点击可添加）';
    set({ peek: { at: boxPlace(own.getBoundingClientRect(), EDITOR_WIDTH_PX, 80), text } });
  });

  // The popup asks which article this is (a page may be reached by an address other than its canonical one).
  onMessage('pageIdentity', () => pageQuery());

  // Keyboard shortcuts (manifest `commands`, relayed by the background).
  onMessage('runCommand', ({ data }) => {
    const span = selectedSpan(map);
    if (!span) return;
    target = span;
    if (data.command === 'note-selection') note();
    else void highlight(state.value.color);
  });

  return {
    highlight: (color) => void highlight(color),
    note,
    copy: () => void copy(),
    save: (input) => void save(input),
    cancel: closeEditor,
    remove: () => void remove(),
    undo: () => void undo(),
  };
}
