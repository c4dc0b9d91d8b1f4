/**
 * Binds the reader's own highlights and notes to the page: selection (or a
 * clicked automatic mark) → toolbar → 划线 / 批注 / 复制引用; a click on an own
 * mark opens its note; hover shows it; delete with undo; keyboard commands.
 * What each event does to the state is lib/reader/notes-model.ts's (pure);
 * this file reads the DOM, sends messages to the background, draws marks, and
 * puts the state into one signal. The editor and the note under the pointer
 * show in the note frame (note-frame-host.ts), never in the page's DOM.
 */
import type { Signal } from '@preact/signals-core';
import type { NotesLayerActions } from '@/components/NotesLayer';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
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
import type { HighlightColor } from '@/lib/model/colors';
import type { FrameHandlers, NoteInput } from '@/lib/reader/note-frame-protocol';
import * as model from '@/lib/reader/notes-model';
import { randomUuid } from '@/lib/uuid';
import { writeClipboard } from './clipboard';
import { marksOfNote, pageNotes, pageQuery } from './notes-state';
import { itemSpan, selectedSpan, type TargetSpan } from './selection';

/** How long the 已删除 · 撤销 notice stays. */
const TOAST_MS = 10_000;
/** How long 已复制引用 shows on the toolbar. */
const COPIED_MS = 1_500;
const COPIED = '已复制引用';

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


function viewport(): model.Viewport {
  return { width: window.innerWidth, height: window.innerHeight };
}

/** The saved note of an own mark under `element`, with the mark. */
function ownNoteAt(element: Element | null): { mark: Element; record: AnnotationRecord } | null {
  const mark = element?.closest('yd-mark[data-annotation]');
  const record = mark && pageNotes.value.find((n) => n.record.id === mark.getAttribute('data-annotation'))?.record;
  return mark && record ? { mark, record } : null;
}

/** Wires the notes to the page and returns what the toolbar and the floating note frame call. */
export function createNotesController(
  ctx: ContentScriptContext,
  map: TextMap,
  page: PageIdentity,
  state: Signal<model.NotesState>,
): { toolbar: NotesLayerActions; frame: FrameHandlers } {
  const apply = (next: model.NotesState): void => {
    state.value = next;
  };
  const step = <A extends unknown[]>(transition: (s: model.NotesState, ...args: A) => model.NotesState, ...args: A): void =>
    apply(transition(state.value, ...args));
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  const showToast = (text: string, canUndo: boolean): void => {
    clearTimeout(toastTimer);
    step(model.toastSays, text, canUndo);
    toastTimer = setTimeout(() => step(model.toastGone), TOAST_MS);
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
    const span = state.value.target;
    if (!span) return;
    step(model.toolbarBusy, color);
    try {
      await saveNew(span, { note: '', tags: [], color });
      window.getSelection()?.removeAllRanges();
      step(model.hideToolbar);
    } catch (error) {
      step(model.toolbarSays, `保存失败：${requestFailureMessage(error)}`);
    }
  };

  const askTags = (): void => {
    sendMessage('listTags', undefined).then((tags) => step(model.tagsKnown, tags), () => undefined);
  };
  const note = (): void => {
    step(model.openNewNote, map.text, viewport());
    if (state.value.editor) askTags();
  };

  /** After a conflict: take the other tab's version as the base, keep the reader's text in the editor. */
  const refreshAfterConflict = async (id: string): Promise<void> => {
    const current = (await sendMessage('annotationsForArticle', pageQuery())).find((r) => r.id === id);
    if (current) {
      step(model.editorRebased, current);
      replaceRecord(current);
    }
  };

  const save = async (input: NoteInput): Promise<void> => {
    const editor = state.value.editor;
    if (!editor || editor.busy) return;
    step(model.editorBusy);
    try {
      if (editor.record) {
        const updated = await sendMessage('updateAnnotation', { id: editor.record.id, revision: editor.record.revision, ...input });
        for (const mark of marksOfNote(updated.id)) mark.setAttribute('data-color', updated.color);
        replaceRecord(updated);
      } else if (editor.span) {
        await saveNew(editor.span, input);
        window.getSelection()?.removeAllRanges();
      }
      step(model.noteSaved, input.color);
    } catch (error) {
      const record = state.value.editor?.record;
      if (record && isConflict(error)) await refreshAfterConflict(record.id).catch(() => undefined);
      step(model.editorFailed, `保存失败：${requestFailureMessage(error)}`);
    }
  };

  const remove = async (): Promise<void> => {
    const record = state.value.editor?.record;
    if (!record) return;
    step(model.editorBusy);
    try {
      const deleted = await sendMessage('deleteAnnotation', { id: record.id });
      unwrapMarks(map, marksOfNote(record.id));
      pageNotes.value = pageNotes.value.filter((n) => n.record.id !== record.id);
      step(model.noteDeleted, deleted);
      showToast('已删除批注', true);
    } catch (error) {
      step(model.editorFailed, `删除失败：${requestFailureMessage(error)}`);
    }
  };

  const undo = async (): Promise<void> => {
    const record = state.value.lastDeleted;
    if (!record) return;
    try {
      const restored = await sendMessage('restoreAnnotation', { id: record.id });
      const place = matchAnchor(map.text, restored);
      if (place) draw(restored, place.start, place.end);
      else pageNotes.value = [...pageNotes.value, { record: restored, place: null }];
      step(model.noteRestored);
      showToast('已恢复批注', false);
    } catch (error) {
      showToast(`恢复失败：${requestFailureMessage(error)}`, true);
    }
  };

  const copy = async (): Promise<void> => {
    const span = state.value.target;
    if (!span) return;
    const text = formatCitation({
      quote: map.text.slice(span.start, span.end),
      title: page.title,
      site: page.site,
      date: formatDate(page.published),
      url: pageQuery().canonicalUrl ?? page.url,
    });
    try {
      await writeClipboard(text);
      step(model.toolbarSays, COPIED);
      setTimeout(() => state.value.toolbar.message === COPIED && step(model.toolbarSays, null), COPIED_MS);
    } catch (error) {
      step(model.toolbarSays, `复制失败：${requestFailureMessage(error)}`);
    }
  };

  // Selection → toolbar.
  const onSelectionEnd = (): void => {
    const span = selectedSpan(map);
    if (span) step(model.showToolbar, span);
  };
  ctx.addEventListener(document, 'mouseup', () => setTimeout(onSelectionEnd, 0));
  ctx.addEventListener(document, 'keyup', (event) => {
    if (event.shiftKey || event.key === 'Shift') onSelectionEnd();
    if (event.key === 'Escape') step(model.hideToolbar);
  });
  ctx.addEventListener(document, 'selectionchange', () => {
    if (window.getSelection()?.isCollapsed) step(model.selectionCollapsed);
  });

  // A click on an own mark opens its note; on an automatic mark, the toolbar for that item.
  ctx.addEventListener(document, 'click', (event) => {
    const element = event.target instanceof Element ? event.target : null;
    // Clicks in our own UI (its shadow host) and ends of a selection are not for this.
    if (element?.tagName.toLowerCase().startsWith('yandu-') || !window.getSelection()?.isCollapsed) return;
    const own = ownNoteAt(element);
    if (own) {
      step(model.openSavedNote, own.record, own.mark.getBoundingClientRect(), viewport());
      askTags();
      return;
    }
    const auto = element?.closest('yd-mark[data-kind]');
    const span = auto && itemSpan(map, auto);
    if (span) step(model.showToolbar, span, true);
    else if (!element?.closest('yd-mark')) step(model.hideToolbar);
  });

  // Hover over an own mark shows its note.
  ctx.addEventListener(document, 'mouseover', (event) => {
    const own = ownNoteAt(event.target instanceof Element ? event.target : null);
    step(model.pointerOver, own && { record: own.record, rect: own.mark.getBoundingClientRect() }, viewport());
  });

  // The popup asks which article this is (a page may be reached by an address other than its canonical one).
  onMessage('pageIdentity', () => pageQuery());

  // Keyboard shortcuts (manifest `commands`, relayed by the background).
  onMessage('runCommand', ({ data }) => {
    const span = selectedSpan(map);
    if (!span) return;
    step(model.showToolbar, span);
    if (data.command === 'note-selection') note();
    else void highlight(state.value.color);
  });

  return {
    toolbar: { highlight: (color) => void highlight(color), note, copy: () => void copy(), undo: () => void undo() },
    frame: {
      save: ({ input }) => void save(input),
      cancel: () => step(model.closeEditor),
      delete: () => void remove(),
    },
  };
}
