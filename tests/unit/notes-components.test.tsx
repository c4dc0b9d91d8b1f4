// @vitest-environment happy-dom
/** The note editor, the selection toolbar and 我的批注, rendered: props in, callbacks out. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { inTextOrder, MyNotesList } from '@/components/MyNotesList';
import { NoteEditor, type NoteEditorProps } from '@/components/NoteEditor';
import { SelectionToolbar } from '@/components/SelectionToolbar';
import type { AnnotationRecord, PageNote } from '@/lib/model/records';

afterEach(cleanup);

function editor(overrides: Partial<NoteEditorProps> = {}): NoteEditorProps {
  return {
    at: { x: 0, y: 0 },
    quote: '尤其要抓好党员承诺活动',
    initial: { note: '', tags: [], color: 'yellow' },
    knownTags: ['三会一课', '党建'],
    busy: false,
    error: null,
    onSave: vi.fn(),
    onCancel: vi.fn(),
    ...overrides,
  };
}

describe('NoteEditor', () => {
  test('Ctrl+Enter saves the text, the tags typed and chosen, and the colour', () => {
    const props = editor();
    render(<NoteEditor {...props} />);
    fireEvent.input(screen.getByRole('textbox', { name: '批注' }), { target: { value: '联系实际' } });
    fireEvent.input(screen.getByRole('combobox', { name: '标签' }), { target: { value: '学习笔记，党建' } });
    fireEvent.click(screen.getByRole('radio', { name: '蓝色' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: '批注' }), { key: 'Enter', ctrlKey: true });
    expect(props.onSave).toHaveBeenCalledWith({ note: '联系实际', tags: ['学习笔记', '党建'], color: 'blue' });
  });

  test('Esc and 取消 cancel; 保存 saves', () => {
    const props = editor();
    render(<NoteEditor {...props} />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: '批注' }), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(props.onCancel).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(props.onSave).toHaveBeenCalledTimes(1);
  });

  test('a failed save shows its message and keeps the typed text', () => {
    const props = editor();
    const { rerender } = render(<NoteEditor {...props} />);
    const box = screen.getByRole('textbox', { name: '批注' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: '很长的一段体会' } });
    rerender(<NoteEditor {...props} busy={false} error="保存失败：存储空间已满" />);
    expect(screen.getByRole('alert').textContent).toContain('存储空间已满');
    expect((screen.getByRole('textbox', { name: '批注' }) as HTMLTextAreaElement).value).toBe('很长的一段体会');
  });

  test('an existing note starts filled in, offers 删除, and completion leaves out tags it has', () => {
    const onDelete = vi.fn();
    const { container } = render(<NoteEditor {...editor({ initial: { note: '旧批注', tags: ['党建'], color: 'pink' }, onDelete })} />);
    expect((screen.getByRole('textbox', { name: '批注' }) as HTMLTextAreaElement).value).toBe('旧批注');
    expect(screen.getByRole('radio', { name: '粉色' }).getAttribute('aria-checked')).toBe('true');
    expect([...container.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['三会一课']);
    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    expect(onDelete).toHaveBeenCalled();
  });
});

describe('SelectionToolbar', () => {
  test('划线 uses the current colour, a swatch highlights in its colour, 批注 and 复制引用 report', () => {
    const on = { highlight: vi.fn(), note: vi.fn(), copy: vi.fn() };
    render(<SelectionToolbar state={{ at: { x: 1, y: 1 }, message: null, busy: false }} color="green" on={on} />);
    fireEvent.click(screen.getByRole('button', { name: '划线' }));
    fireEvent.click(screen.getByRole('button', { name: '紫色' }));
    fireEvent.click(screen.getByRole('button', { name: '批注' }));
    fireEvent.click(screen.getByRole('button', { name: '复制引用' }));
    expect(on.highlight.mock.calls).toEqual([['green'], ['purple']]);
    expect(on.note).toHaveBeenCalled();
    expect(on.copy).toHaveBeenCalled();
  });
});

function note(exact: string, place: PageNote['place'], createdAt: number): PageNote {
  const record: AnnotationRecord = {
    id: `id-${exact}`,
    articleKey: 'www.gov.cn/a.htm',
    quote: { exact, prefix: '', suffix: '' },
    position: { start: 0, end: exact.length },
    color: 'yellow',
    note: exact === '乙' ? '乙的批注' : '',
    createdAt,
    updatedAt: createdAt,
    tags: [],
    revision: 1,
    deletedAt: null,
    unplacedAt: place ? null : createdAt,
  };
  return { record, place };
}

describe('MyNotesList', () => {
  const notes = [note('丙', null, 1), note('乙', { start: 50, end: 51 }, 2), note('甲', { start: 5, end: 6 }, 3), note('丁', null, 0)];

  test('lists placed notes in text order, then the unplaced ones as 未定位 with their quote', () => {
    expect(inTextOrder(notes).map((n) => n.record.quote.exact)).toEqual(['甲', '乙', '丁', '丙']);
    render(<MyNotesList notes={notes} onSelect={vi.fn()} />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['甲', '乙乙的批注', '未定位丁', '未定位丙']);
  });

  test('a click on a placed note asks to scroll to it; unplaced ones are not buttons', () => {
    const onSelect = vi.fn();
    render(<MyNotesList notes={notes} onSelect={onSelect} />);
    fireEvent.click(within(screen.getAllByRole('listitem')[1]!).getByRole('button'));
    expect(onSelect).toHaveBeenCalledWith('id-乙');
    expect(within(screen.getAllByRole('listitem')[2]!).queryByRole('button')).toBeNull();
  });
});
