// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FormulationList } from '@/components/notebook/FormulationList';
import { Filters } from '@/components/notebook/Filters';
import { NOTE_ROW_PX, NoteList } from '@/components/notebook/NoteList';
import { NotebookView, type NotebookViewProps } from '@/components/notebook/NotebookView';
import type { NoteRow } from '@/lib/model/notebook';

afterEach(cleanup);

function row(i: number, exact = `第${i}条 基层党组织建设`, note = ''): NoteRow {
  return {
    note: {
      id: `id-${i}`,
      articleKey: 'www.gov.cn/a.htm',
      quote: { exact, prefix: '', suffix: '' },
      position: { start: 0, end: exact.length },
      color: 'green',
      note,
      createdAt: Date.UTC(2026, 10, 28),
      updatedAt: Date.UTC(2026, 10, 28),
      tags: ['三会一课'],
      revision: 1,
      deletedAt: null,
      unplacedAt: null,
    },
    quoteRanges: exact.includes('基层党组织') ? [{ start: exact.indexOf('基层党组织'), end: exact.indexOf('基层党组织') + 5 }] : [],
    noteRanges: [],
    articleTitle: '关于推进基层治理能力建设的通知',
    articleUrl: 'http://www.gov.cn/a.htm',
  };
}

describe('NoteList', () => {
  test('renders only the rows in view of a long list, with matches marked and a link back to the note', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => row(i));
    render(<NoteList rows={rows} selected={new Set()} onToggle={() => undefined} height={NOTE_ROW_PX * 5} />);
    const items = screen.getAllByRole('listitem');
    expect(items.length).toBeLessThan(20);
    expect(within(items[0]!).getByText('基层党组织').tagName).toBe('MARK');
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe('http://www.gov.cn/a.htm#yd-note=id-0');
    expect(within(items[0]!).getByText('#三会一课')).toBeTruthy();
  });

  test('selecting reports the note; page text is never HTML', () => {
    const onToggle = vi.fn();
    render(<NoteList rows={[row(1, '<img src=x onerror=alert(1)>', '<b>批注</b>')]} selected={new Set()} onToggle={onToggle} height={400} />);
    fireEvent.click(screen.getByRole('checkbox'));
    expect(onToggle).toHaveBeenCalledWith('id-1');
    expect(document.querySelector('img, b')).toBeNull();
  });

  test('scrolling near the end asks for more', () => {
    const onMore = vi.fn();
    const { container } = render(<NoteList rows={Array.from({ length: 40 }, (_, i) => row(i))} selected={new Set()} onToggle={() => undefined} onMore={onMore} height={400} />);
    const scroller = container.querySelector('.virtual')!;
    scroller.scrollTop = NOTE_ROW_PX * 25;
    fireEvent.scroll(scroller);
    expect(onMore).toHaveBeenCalled();
  });
});

describe('Filters', () => {
  test.each([
    ['颜色', 'green', { color: 'green' }],
    ['类型', 'note', { kind: 'note' }],
    ['网站', 'www.gov.cn', { site: 'www.gov.cn' }],
    ['标签', '三会一课', { tag: '三会一课' }],
  ])('%s → %j', (label, value, expected) => {
    const onFilter = vi.fn();
    render(<Filters filter={{}} sort="newest" sites={['www.gov.cn']} tags={['三会一课']} onFilter={onFilter} onSort={() => undefined} />);
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
    expect(onFilter).toHaveBeenCalledWith(expected);
  });

  test('a date range covers whole local days', () => {
    const onFilter = vi.fn();
    render(<Filters filter={{}} sort="newest" sites={[]} tags={[]} onFilter={onFilter} onSort={() => undefined} />);
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2026-11-28' } });
    expect(onFilter).toHaveBeenCalledWith({ to: new Date(2026, 10, 29).getTime() });
  });
});

describe('FormulationList', () => {
  test('lists formulations with counts; one opens to its sentences', () => {
    const onOpen = vi.fn();
    const items = [{ text: '一线工作法', articles: 2, times: 3, firstSeenAt: 0, lastSeenAt: 1 }];
    const sightings = [{ id: 'x', text: '一线工作法', articleKey: 'k', title: '通知', url: 'http://www.gov.cn/a.htm', count: 2, sentences: ['坚持“一线工作法”。'], firstSeenAt: 0 }];
    render(<FormulationList items={items} total={1} newOnly={false} onNewOnly={() => undefined} open={{ text: '一线工作法', sightings }} onOpen={onOpen} />);
    const cells = screen.getAllByRole('row')[1]!;
    expect(within(cells).getByText('2')).toBeTruthy();
    expect(within(cells).getByText('3')).toBeTruthy();
    expect(screen.getByText('坚持“一线工作法”。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '一线工作法' }));
    expect(onOpen).toHaveBeenCalledWith('一线工作法');
  });

  test('says when nothing is new this month', () => {
    render(<FormulationList items={[]} total={0} newOnly onNewOnly={() => undefined} open={null} onOpen={() => undefined} />);
    expect(screen.getByText('本月还没有新见的提法。')).toBeTruthy();
  });
});

describe('NotebookView', () => {
  const noop = (): void => undefined;
  const props: NotebookViewProps = {
    tab: 'notes', onTab: noop, query: '', onQuery: noop, filter: {}, sort: 'newest', sites: [], tags: [], onFilter: noop, onSort: noop,
    notes: [], articles: [], selectedNotes: new Set(), selectedArticles: new Set(), onToggleNote: noop, onToggleArticle: noop,
    onOpenArticle: noop, onDelete: noop, onExport: noop, onFullText: noop, onBackup: noop, onImport: noop, onStudyPack: noop, onImportStudyPack: noop, status: null, error: null, formulations: null, listHeight: 400,
  };

  test('has one search box, export controls named by format, a backup import, and an empty state', () => {
    const onExport = vi.fn();
    render(<NotebookView {...props} onExport={onExport} />);
    expect(screen.getAllByRole('searchbox')).toHaveLength(1);
    for (const name of ['Word', 'Markdown', '文本', 'CSV', '备份']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByLabelText('导入备份').getAttribute('type')).toBe('file');
    expect(screen.getByText(/还没有笔记/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Word' }));
    expect(onExport).toHaveBeenCalledWith('docx');
  });

  test('全文网页 exports with the structure unless the reader unticks it', () => {
    const onFullText = vi.fn();
    render(<NotebookView {...props} onFullText={onFullText} />);
    fireEvent.click(screen.getByRole('button', { name: '全文网页' }));
    expect(onFullText).toHaveBeenLastCalledWith('html', true);
    fireEvent.click(screen.getByRole('checkbox', { name: '全文含文章结构' }));
    fireEvent.click(screen.getByRole('button', { name: '全文 Markdown' }));
    expect(onFullText).toHaveBeenLastCalledWith('markdown', false);
  });

  test('delete works on a selection and offers undo', () => {
    const onUndo = vi.fn();
    render(<NotebookView {...props} notes={[row(1)]} selectedNotes={new Set(['id-1'])} onUndo={onUndo} />);
    expect(screen.getByRole('button', { name: '删除所选' }).hasAttribute('disabled')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(onUndo).toHaveBeenCalled();
  });
});
