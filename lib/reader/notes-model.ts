/**
 * The reader's own notes on a page as pure state transitions: the selection
 * toolbar, the note editor, the note under the pointer and the 已删除 · 撤销
 * notice. The reader script (entrypoints/reader.content/notes.ts) binds events
 * and messages to these and draws the result; nothing here touches the DOM, so
 * it is tested in node (tests/unit/notes-model.test.ts).
 */
import { DEFAULT_HIGHLIGHT_COLOR, type HighlightColor } from '../model/colors';
import type { AnnotationRecord } from '../model/records';
import type { FrameView, NoteInput } from './note-frame-protocol';

/** A rectangle on screen (viewport coordinates); a DOMRect is one. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A span of the article text the reader acts on. */
export interface TargetSpan {
  /** Offset of its first character in the article text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  /** Where it is on screen. */
  rect: Box;
}

/** The viewport's size. */
export interface Viewport {
  width: number;
  height: number;
}

/** A point on screen. */
export interface Point {
  x: number;
  y: number;
}

/** The note editor's width, and the height it gets before its frame has measured it. */
export const EDITOR_WIDTH_PX = 340;
export const EDITOR_HEIGHT_PX = 300;
/** The note under the pointer: room kept for it below the mark. */
export const PEEK_HEIGHT_PX = 80;
/** Gap between the target and floating UI, in CSS pixels. */
const GAP_PX = 8;
/** The toolbar's height, used to place it above the selection. */
const TOOLBAR_HEIGHT_PX = 36;
/** Floating UI keeps this far from the viewport's edges. */
const EDGE_PX = 4;

/** Where the toolbar goes for a target: just above it, or below when there is no room. */
export function toolbarPlace(rect: Box): Point {
  const above = rect.top - TOOLBAR_HEIGHT_PX - GAP_PX;
  return { x: Math.max(EDGE_PX, rect.left), y: above > EDGE_PX ? above : rect.bottom + GAP_PX };
}

/** Where a floating box goes under (or above) a target, kept inside the viewport. */
export function boxPlace(rect: Box, width: number, height: number, viewport: Viewport): Point {
  const x = Math.min(Math.max(EDGE_PX, rect.left), Math.max(EDGE_PX, viewport.width - width - EDGE_PX));
  const below = rect.bottom + GAP_PX;
  const y = below + height < viewport.height ? below : Math.max(EDGE_PX, rect.top - height - GAP_PX);
  return { x, y };
}

/** Where the toolbar stands and what it says. */
export interface ToolbarState {
  /** Its top-left corner; null when hidden. */
  at: Point | null;
  /** A message to the reader (an error while saving, 已复制引用), or null. */
  message: string | null;
  /** A save is under way: the buttons wait. */
  busy: boolean;
}

/** The open note editor. */
export interface EditorState {
  /** Which opening this is (a new key: fresh fields, focus). */
  key: string;
  /** Where its frame stands. */
  at: Point;
  /** The quoted text. */
  quote: string;
  /** Its starting content. */
  initial: NoteInput;
  /** The saved note it edits, or null for a new note on `span`. */
  record: AnnotationRecord | null;
  /** The span a new note goes on. */
  span: TargetSpan | null;
  /** Saving. */
  busy: boolean;
  /** The last failure, or null. */
  error: string | null;
}

/** Everything of the reader's own notes that floats over the page. */
export interface NotesState {
  toolbar: ToolbarState;
  /** The span the toolbar acts on. */
  target: TargetSpan | null;
  /** The toolbar stands for a clicked automatic mark: a collapsed selection does not hide it. */
  pinned: boolean;
  /** The colour 划线 uses (the last one chosen). */
  color: HighlightColor;
  editor: EditorState | null;
  /** The note under the pointer. */
  peek: { at: Point; text: string } | null;
  /** A notice, with 撤销 after a delete. */
  toast: { text: string; canUndo: boolean } | null;
  /** The last deleted note, for 撤销. */
  lastDeleted: AnnotationRecord | null;
  /** Tags for completion. */
  knownTags: string[];
  /** How many times the editor opened (its keys). */
  openings: number;
}

export const initialNotesState: NotesState = {
  toolbar: { at: null, message: null, busy: false },
  target: null,
  pinned: false,
  color: DEFAULT_HIGHLIGHT_COLOR,
  editor: null,
  peek: null,
  toast: null,
  lastDeleted: null,
  knownTags: [],
  openings: 0,
};

const HIDDEN_TOOLBAR: ToolbarState = { at: null, message: null, busy: false };

/**
 * The toolbar for a selection, or (`pinned`) for a clicked automatic mark. The
 * same span again (the mouseup of a click on the toolbar re-reports the
 * selection it kept) keeps what the toolbar is saying or doing: 已复制引用 or an
 * error is not wiped by the click that caused it.
 */
export function showToolbar(s: NotesState, span: TargetSpan, pinned = false): NotesState {
  const at = toolbarPlace(span.rect);
  const same = s.toolbar.at !== null && s.target !== null && s.target.start === span.start && s.target.end === span.end;
  const toolbar = same ? { ...s.toolbar, at } : { at, message: null, busy: false };
  return { ...s, target: span, pinned: pinned || (same && s.pinned), toolbar, peek: null };
}

export function hideToolbar(s: NotesState): NotesState {
  return { ...s, target: null, pinned: false, toolbar: HIDDEN_TOOLBAR };
}

/** The selection collapsed: the toolbar goes unless it is pinned, busy or saying something. */
export function selectionCollapsed(s: NotesState): NotesState {
  const { toolbar } = s;
  return toolbar.at && !s.pinned && !toolbar.busy && !toolbar.message ? hideToolbar(s) : s;
}

export function toolbarBusy(s: NotesState, color: HighlightColor): NotesState {
  return { ...s, color, toolbar: { ...s.toolbar, busy: true, message: null } };
}

export function toolbarSays(s: NotesState, message: string | null): NotesState {
  return { ...s, toolbar: { ...s.toolbar, busy: false, message } };
}

function openEditor(s: NotesState, fields: Omit<EditorState, 'key' | 'busy' | 'error' | 'at'>, rect: Box, viewport: Viewport): NotesState {
  const openings = s.openings + 1;
  const at = boxPlace(rect, EDITOR_WIDTH_PX, EDITOR_HEIGHT_PX, viewport);
  return { ...hideToolbar(s), openings, peek: null, editor: { ...fields, key: String(openings), at, busy: false, error: null } };
}

/** 批注 on the toolbar's target: a new note on it. Unchanged when there is no target. */
export function openNewNote(s: NotesState, articleText: string, viewport: Viewport): NotesState {
  const span = s.target;
  if (!span) return s;
  const initial = { note: '', tags: [], color: s.color };
  return openEditor(s, { quote: articleText.slice(span.start, span.end), initial, record: null, span }, span.rect, viewport);
}

/** A click on an own mark: its note in the editor. */
export function openSavedNote(s: NotesState, record: AnnotationRecord, rect: Box, viewport: Viewport): NotesState {
  const initial = { note: record.note, tags: record.tags, color: record.color };
  return openEditor(s, { quote: record.quote.exact, initial, record, span: null }, rect, viewport);
}

export function closeEditor(s: NotesState): NotesState {
  return { ...s, editor: null };
}

export function editorBusy(s: NotesState): NotesState {
  return s.editor ? { ...s, editor: { ...s.editor, busy: true, error: null } } : s;
}

/** A save or delete failed: the editor stays open with the reader's text, only the message is new. */
export function editorFailed(s: NotesState, error: string): NotesState {
  return s.editor ? { ...s, editor: { ...s.editor, busy: false, error } } : s;
}

/** After a conflict: the other tab's version is the base the next save names. */
export function editorRebased(s: NotesState, record: AnnotationRecord): NotesState {
  return s.editor?.record ? { ...s, editor: { ...s.editor, record } } : s;
}

/** Saved: the editor closes and its colour is the one 划线 uses next. */
export function noteSaved(s: NotesState, color: HighlightColor): NotesState {
  return { ...s, color, editor: null };
}

export function noteDeleted(s: NotesState, record: AnnotationRecord): NotesState {
  return { ...s, editor: null, lastDeleted: record, toast: { text: '已删除批注', canUndo: true } };
}

export function noteRestored(s: NotesState): NotesState {
  return { ...s, lastDeleted: null, toast: { text: '已恢复批注', canUndo: false } };
}

export function toastSays(s: NotesState, text: string, canUndo: boolean): NotesState {
  return { ...s, toast: { text, canUndo } };
}

export function toastGone(s: NotesState): NotesState {
  return { ...s, toast: null };
}

export function tagsKnown(s: NotesState, knownTags: string[]): NotesState {
  return { ...s, knownTags };
}

/** What the note under the pointer says. */
export function peekText(record: AnnotationRecord): string {
  return [record.note, record.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join('\n') || '（无批注，点击可添加）';
}

/** The pointer is over an own mark (`record`, at `rect`), or over none (null). */
export function pointerOver(s: NotesState, over: { record: AnnotationRecord; rect: Box } | null, viewport: Viewport): NotesState {
  if (!over) return s.peek ? { ...s, peek: null } : s;
  return { ...s, peek: { at: boxPlace(over.rect, EDITOR_WIDTH_PX, PEEK_HEIGHT_PX, viewport), text: peekText(over.record) } };
}

/** What the floating note frame shows: the editor, else the note under the pointer, else nothing. */
export function floatingView(s: NotesState): FrameView {
  const { editor, peek } = s;
  if (editor) {
    const { key, quote, initial, busy, error } = editor;
    return { kind: 'editor', key, quote, initial, existing: editor.record !== null, busy, error, knownTags: s.knownTags };
  }
  return peek ? { kind: 'peek', text: peek.text } : { kind: 'none' };
}

/** Where the floating note frame stands, and whether it takes the pointer (the editor does, a peek does not). */
export function floatingPlace(s: NotesState): { at: Point; interactive: boolean } | null {
  if (s.editor) return { at: s.editor.at, interactive: true };
  return s.peek ? { at: s.peek.at, interactive: false } : null;
}
