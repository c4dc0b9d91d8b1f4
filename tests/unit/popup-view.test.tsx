// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { PopupView } from '@/components/PopupView';
import type { AnnotationWithArticle } from '@/lib/model/records';

afterEach(cleanup);

function highlight(exact: string, articleTitle: string): AnnotationWithArticle {
  return {
    id: crypto.randomUUID(),
    articleKey: 'http://www.gov.cn/a.htm',
    quote: { exact, prefix: '', suffix: '' },
    position: { start: 0, end: exact.length },
    color: 'yellow',
    note: '',
    createdAt: Date.UTC(2026, 10, 28, 2, 30),
    updatedAt: Date.UTC(2026, 10, 28, 2, 30),
    tags: [],
    revision: 1,
    deletedAt: null,
    unplacedAt: null,
    articleTitle,
    articleUrl: 'http://www.gov.cn/a.htm',
  };
}

describe('PopupView', () => {
  test('lists this page’s highlights and all highlights with their article', () => {
    const item = highlight('一是要加强组织覆盖', '紧抓工作重点 突出实践特色');
    render(<PopupView page={[item]} recent={[item, highlight('另一条', '别的文章')]} error={null} />);
    const pageSection = screen.getByRole('region', { name: '本页标注' });
    expect(within(pageSection).getByText('一是要加强组织覆盖')).toBeTruthy();
    expect(within(pageSection).queryByText('紧抓工作重点 突出实践特色')).toBeNull();
    const all = screen.getByRole('region', { name: '全部标注' });
    expect(within(all).getAllByRole('listitem')).toHaveLength(2);
    expect(within(all).getByText('别的文章')).toBeTruthy();
  });

  test('says what to do when there is nothing yet, and shows errors', () => {
    render(<PopupView page={[]} recent={[]} error="读取标注失败：数据库不可用" />);
    expect(screen.getByText(/本页还没有标注/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('数据库不可用');
  });

  test('renders page text as text, never as HTML', () => {
    const hostile = highlight('<img src=x onerror="alert(1)">', '<b>标题</b>');
    const { container } = render(<PopupView page={[hostile]} recent={[hostile]} error={null} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getAllByText('<img src=x onerror="alert(1)">')).toHaveLength(2);
  });
});
