/**
 * The notes layer's state transitions (lib/reader/notes-model.ts) and the note
 * frame's message checks (lib/reader/note-frame-protocol.ts), in node.
 */
import { describe, expect, test } from 'vitest';
import type { AnnotationRecord } from '@/lib/model/records';
import { dispatchFromFrame, handshakeItem, parseFromFrame, parseHandshake, parseToFrame, randomToken, type FromFrame } from '@/lib/reader/note-frame-protocol';
import * as model from '@/lib/reader/notes-model';

const VIEWPORT = { width: 1280, height: 900 };
const TEXT = '一是要健全基层党组织领导的治理机制，二是要加强队伍建设。';
const span = (start: number, end: number, top = 400): model.TargetSpan => ({ start, end, rect: { left: 100, top, right: 300, bottom: top + 20 } });

function record(patch: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id: '0b6f1c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
    articleKey: 'http://www.gov.cn/a.html',
    quote: { exact: '二是要加强队伍建设', prefix: '', suffix: '' },
    position: { start: 18, end: 27 },
    color: 'green',
    note: '支部会上讨论',
    createdAt: 1,
    updatedAt: 1,
    tags: ['三会一课'],
    revision: 2,
    deletedAt: null,
    unplacedAt: null,
    ...patch,
  };
}

describe('the toolbar', () => {
  test('shows above a selection, below it at the top of the window, and hides the peek', () => {
    const peeking = model.pointerOver(model.initialNotesState, { record: record(), rect: span(0, 1).rect }, VIEWPORT);
    const s = model.showToolbar(peeking, span(0, 5));
    expect(s.toolbar).toEqual({ at: { x: 100, y: 356 }, message: null, busy: false });
    expect(s.peek).toBeNull();
    expect(model.showToolbar(s, span(0, 5, 10)).toolbar.at).toEqual({ x: 100, y: 38 });
  });

  test('a collapsed selection hides it unless it is pinned to a clicked mark, busy or saying something', () => {
    const shown = model.showToolbar(model.initialNotesState, span(0, 5));
    expect(model.selectionCollapsed(shown).toolbar.at).toBeNull();
    expect(model.selectionCollapsed(shown).target).toBeNull();
    const pinned = model.showToolbar(model.initialNotesState, span(0, 5), true);
    expect(model.selectionCollapsed(pinned)).toBe(pinned);
    const busy = model.toolbarBusy(shown, 'blue');
    expect(model.selectionCollapsed(busy)).toBe(busy);
    expect(busy.color).toBe('blue');
    const saying = model.toolbarSays(shown, '已复制引用');
    expect(model.selectionCollapsed(saying)).toBe(saying);
  });

  test('the same selection reported again (the mouseup of a click on the toolbar) keeps what it says; another clears it', () => {
    const saying = model.toolbarSays(model.showToolbar(model.initialNotesState, span(0, 5)), '已复制引用');
    expect(model.showToolbar(saying, span(0, 5)).toolbar.message).toBe('已复制引用');
    expect(model.showToolbar(saying, span(0, 5, 10)).toolbar).toEqual({ at: { x: 100, y: 38 }, message: '已复制引用', busy: false });
    expect(model.showToolbar(saying, span(2, 5)).toolbar.message).toBeNull();
    expect(model.showToolbar(model.hideToolbar(saying), span(0, 5)).toolbar.message).toBeNull();
  });
});

describe('the editor', () => {
  test('opens on the target with the quote and the last colour, hides the toolbar, gets a new key each time', () => {
    const s = model.toolbarBusy(model.showToolbar(model.initialNotesState, span(18, 27)), 'pink');
    const open = model.openNewNote(model.toolbarSays(s, null), TEXT, VIEWPORT);
    expect(open.editor).toMatchObject({ key: '1', quote: '二是要加强队伍建设', initial: { note: '', tags: [], color: 'pink' }, record: null, busy: false });
    expect(open.editor?.span).toEqual(span(18, 27));
    expect(open.toolbar.at).toBeNull();
    const again = model.openNewNote(model.showToolbar(model.closeEditor(open), span(0, 4)), TEXT, VIEWPORT);
    expect(again.editor?.key).toBe('2');
  });

  test('without a target nothing opens', () => {
    expect(model.openNewNote(model.initialNotesState, TEXT, VIEWPORT)).toBe(model.initialNotesState);
  });

  test('a saved note opens with its text, tags and colour, and can be rebased after a conflict', () => {
    const open = model.openSavedNote(model.initialNotesState, record(), span(18, 27).rect, VIEWPORT);
    expect(open.editor).toMatchObject({ quote: '二是要加强队伍建设', initial: { note: '支部会上讨论', tags: ['三会一课'], color: 'green' } });
    expect(model.floatingView(open)).toMatchObject({ kind: 'editor', existing: true });
    const newer = record({ revision: 3, note: '另一个标签页改过' });
    const rebased = model.editorRebased(open, newer);
    expect(rebased.editor?.record).toBe(newer);
    // The reader's text stays what the editor started with (the frame keeps what was typed).
    expect(rebased.editor?.initial.note).toBe('支部会上讨论');
  });

  test('stays inside the window: above the target near the bottom, never past the right edge', () => {
    const low = model.openSavedNote(model.initialNotesState, record(), { left: 1200, top: 850, right: 1260, bottom: 870 }, VIEWPORT);
    expect(low.editor?.at).toEqual({ x: 1280 - model.EDITOR_WIDTH_PX - 4, y: 850 - model.EDITOR_HEIGHT_PX - 8 });
  });

  test('a failed save keeps it open with the message; a save closes it and keeps the colour', () => {
    const open = model.openNewNote(model.showToolbar(model.initialNotesState, span(0, 4)), TEXT, VIEWPORT);
    const busy = model.editorBusy(open);
    expect(busy.editor?.busy).toBe(true);
    const failed = model.editorFailed(busy, '保存失败：磁盘已满');
    expect(failed.editor).toMatchObject({ busy: false, error: '保存失败：磁盘已满', initial: open.editor!.initial });
    expect(model.editorBusy(failed).editor?.error).toBeNull();
    const saved = model.noteSaved(busy, 'purple');
    expect(saved.editor).toBeNull();
    expect(saved.color).toBe('purple');
  });

  test('delete closes it with an undo notice; restore clears the undo', () => {
    const open = model.openSavedNote(model.initialNotesState, record(), span(0, 4).rect, VIEWPORT);
    const deleted = model.noteDeleted(open, record());
    expect(deleted.editor).toBeNull();
    expect(deleted.toast).toEqual({ text: '已删除批注', canUndo: true });
    expect(deleted.lastDeleted?.id).toBe(record().id);
    const restored = model.noteRestored(deleted);
    expect(restored.lastDeleted).toBeNull();
    expect(restored.toast?.canUndo).toBe(false);
    expect(model.toastGone(restored).toast).toBeNull();
  });
});

describe('the floating note frame', () => {
  test('shows the editor first, else the note under the pointer (not taking the pointer), else nothing', () => {
    expect(model.floatingView(model.initialNotesState)).toEqual({ kind: 'none' });
    expect(model.floatingPlace(model.initialNotesState)).toBeNull();
    const peek = model.pointerOver(model.initialNotesState, { record: record(), rect: span(0, 1).rect }, VIEWPORT);
    expect(model.floatingView(peek)).toEqual({ kind: 'peek', text: '支部会上讨论\n#三会一课' });
    expect(model.floatingPlace(peek)).toEqual({ at: { x: 100, y: 428 }, interactive: false });
    const editing = model.openSavedNote(peek, record(), span(0, 1).rect, VIEWPORT);
    expect(model.floatingView(editing).kind).toBe('editor');
    expect(model.floatingPlace(editing)?.interactive).toBe(true);
    expect(model.pointerOver(peek, null, VIEWPORT).peek).toBeNull();
    expect(model.pointerOver(model.initialNotesState, null, VIEWPORT)).toBe(model.initialNotesState);
  });

  test('a highlight without a note says how to add one', () => {
    expect(model.peekText(record({ note: '', tags: [] }))).toBe('（无批注，点击可添加）');
  });
});

describe('messages between the reader script and the note frame', () => {
  test('well-formed ones pass, copied, without unknown fields', () => {
    const save = parseFromFrame({ type: 'save', input: { note: '体会', tags: ['学习'], color: 'blue', extra: 1 }, more: 2 });
    expect(save).toEqual({ type: 'save', input: { note: '体会', tags: ['学习'], color: 'blue' } });
    expect(parseFromFrame({ type: 'select', id: 'abc' })).toEqual({ type: 'select', id: 'abc' });
    expect(parseFromFrame({ type: 'size', height: 20_000 })).toEqual({ type: 'size', height: 10_000 });
    expect(parseFromFrame({ type: 'cancel', x: 1 })).toEqual({ type: 'cancel' });
    const view = { type: 'view', view: { kind: 'notes', notes: [{ record: record(), place: null }] } };
    expect(parseToFrame(view)).toEqual(view);
  });

  test('anything else is refused', () => {
    for (const bad of [null, 'save', { type: 'save' }, { type: 'save', input: { note: 1, tags: [], color: 'blue' } },
      { type: 'save', input: { note: '', tags: [], color: 'red' } }, { type: 'size', height: -1 }, { type: 'size', height: Number.NaN },
      { type: 'select', id: 3 }, { type: 'eval', code: 'x' }]) {
      expect(parseFromFrame(bad)).toBeNull();
    }
    expect(parseToFrame({ type: 'view', view: { kind: 'html', html: '<b>' } })).toBeNull();
    expect(parseToFrame({ type: 'view', view: { kind: 'notes', notes: [{ record: { id: 1 }, place: null }] } })).toBeNull();
    expect(parseToFrame({ type: 'view', view: { kind: 'editor', key: '1' } })).toBeNull();
  });

  test('each message type goes to its own handler, unknown ones to none', () => {
    const got: FromFrame[] = [];
    const handlers = { save: (m: FromFrame) => got.push(m), cancel: (m: FromFrame) => got.push(m) };
    dispatchFromFrame(handlers, { type: 'cancel' });
    dispatchFromFrame(handlers, { type: 'select', id: 'x' });
    expect(got).toEqual([{ type: 'cancel' }]);
  });
});

describe('the frame handshake', () => {
  test('names the frame by its key and carries a long secret; anything else is refused', () => {
    const key = randomToken();
    const secret = randomToken();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(secret).not.toBe(key);
    expect(parseHandshake({ ydNoteFrame: key, secret }, key)).toEqual({ ydNoteFrame: key, secret });
    expect(parseHandshake({ ydNoteFrame: key, secret }, randomToken())).toBeNull();
    expect(parseHandshake({ ydNoteFrame: key, secret: 'short' }, key)).toBeNull();
    expect(parseHandshake({ ydNoteFrame: '', secret }, '')).toBeNull();
    expect(parseHandshake('ydNoteFrame', key)).toBeNull();
    expect(handshakeItem(key)).toBe(`ydNoteFrame:${key}`);
  });
});
