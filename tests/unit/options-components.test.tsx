// @vitest-environment happy-dom
/** The settings sections: what they show for their props, and what they report back. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ExportSection } from '@/components/options/ExportSection';
import { MarksSection } from '@/components/options/MarksSection';
import { ShortcutsSection } from '@/components/options/ShortcutsSection';
import { SitesSection, type SitesSectionProps } from '@/components/options/SitesSection';
import { StorageSection, type StorageSectionProps } from '@/components/options/StorageSection';
import type { ItemKind } from '@/lib/analysis';

afterEach(cleanup);

function sites(overrides: Partial<SitesSectionProps> = {}): SitesSectionProps {
  return {
    officialSites: ['*.people.com.cn', '*.gov.cn'],
    officialGranted: true,
    customSites: [],
    message: null,
    onGrantOfficial: vi.fn(),
    onAdd: vi.fn(),
    onRemove: vi.fn(),
    ...overrides,
  };
}

describe('SitesSection', () => {
  test.each([
    [true, 0],
    [null, 0],
    [false, 1],
  ])('official access granted=%s → %i grant button(s)', (granted, buttons) => {
    render(<SitesSection {...sites({ officialGranted: granted })} />);
    expect(screen.queryAllByRole('button', { name: '允许访问官方网站' })).toHaveLength(buttons);
  });

  test('reports the typed address on 添加网站, and each own site’s removal', () => {
    const props = sites({ customSites: ['www.a.cn', '*.b.cn'] });
    render(<SitesSection {...props} />);
    fireEvent.input(screen.getByRole('textbox', { name: '网站地址' }), { target: { value: 'www.c.cn' } });
    fireEvent.click(screen.getByRole('button', { name: '添加网站' }));
    expect(props.onAdd).toHaveBeenCalledWith('www.c.cn');
    fireEvent.click(screen.getByRole('button', { name: '移除 *.b.cn' }));
    expect(props.onRemove).toHaveBeenCalledWith('*.b.cn');
  });

  test('says when no own site was added, and shows messages as text', () => {
    render(<SitesSection {...sites({ message: '<b>已添加</b>' })} />);
    expect(screen.getByText('还没有添加网站。')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('<b>已添加</b>');
  });
});

describe('MarksSection', () => {
  test('checkboxes follow the kinds, colour pickers the colours or defaults; changes are reported', () => {
    const onToggleKind = vi.fn();
    const onColor = vi.fn();
    render(
      <MarksSection
        kinds={new Set<ItemKind>(['directive', 'lead'])}
        colors={{ directive: '#112233' }}
        onToggleKind={onToggleKind}
        onColor={onColor}
        onResetColors={vi.fn()}
      />,
    );
    const checked = (name: string): boolean => (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked;
    expect([checked('提纲'), checked('举措'), checked('提法'), checked('排比')]).toEqual([true, true, false, false]);
    expect((screen.getByLabelText('举措的颜色') as HTMLInputElement).value).toBe('#112233');
    expect((screen.getByLabelText('提法的颜色') as HTMLInputElement).value).toBe('#db4437');
    fireEvent.click(screen.getByRole('checkbox', { name: '提法' }));
    expect(onToggleKind).toHaveBeenCalledWith('slogan');
    fireEvent.change(screen.getByLabelText('排比的颜色'), { target: { value: '#00ff00' } });
    expect(onColor).toHaveBeenCalledWith('parallel', '#00ff00');
  });
});

describe('ShortcutsSection', () => {
  test.each([
    [true, 1],
    [false, 0],
  ])('with a way to open the browser’s page=%s → %i button', (canOpen, buttons) => {
    render(
      <ShortcutsSection
        shortcuts={[
          { description: '划线', shortcut: 'Alt+Shift+H' },
          { description: '批注', shortcut: '' },
        ]}
        whereToChange="在浏览器中修改"
        onOpenShortcutSettings={canOpen ? vi.fn() : undefined}
      />,
    );
    expect(screen.getByText('Alt+Shift+H')).toBeTruthy();
    expect(screen.getByText('未设置')).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: '修改快捷键' })).toHaveLength(buttons);
  });
});

function storage(overrides: Partial<StorageSectionProps> = {}): StorageSectionProps {
  return { usage: null, persisted: null, busy: false, message: null, onExport: vi.fn(), onImport: vi.fn(), ...overrides };
}

describe('StorageSection', () => {
  test.each([
    [{ usage: { usage: 3 * 1024 * 1024, quota: 2048 * 1024 * 1024 } }, '已使用 3.0 MB，可用上限约 2048.0 MB。'],
    [{ usage: null }, '无法读取存储用量。'],
    [{ persisted: true }, '持久存储：已开启'],
    [{ persisted: false }, '持久存储：未开启'],
    [{ persisted: null }, '持久存储：状态未知'],
  ])('%j shows %s', (props, text) => {
    render(<StorageSection {...storage(props)} />);
    expect(document.body.textContent).toContain(text);
  });

  test('export and import are reported, and wait while busy', () => {
    const props = storage();
    const { rerender } = render(<StorageSection {...props} />);
    fireEvent.click(screen.getByRole('button', { name: '导出备份' }));
    expect(props.onExport).toHaveBeenCalledOnce();
    const file = new File(['{}'], 'backup.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('导入备份'), { target: { files: [file] } });
    expect(props.onImport).toHaveBeenCalledWith(file);
    rerender(<StorageSection {...props} busy />);
    expect((screen.getByRole('button', { name: '导出备份' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('ExportSection', () => {
  test('shows the chosen Word layout (公文版 by default) and reports the other one chosen', () => {
    const onLayout = vi.fn();
    render(<ExportSection layout="official" onLayout={onLayout} readingTime onReadingTime={() => undefined} />);
    expect(screen.getByRole('radio', { name: /^公文版/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: /^简洁版/ })).toHaveProperty('checked', false);
    fireEvent.click(screen.getByRole('radio', { name: /^简洁版/ }));
    expect(onLayout).toHaveBeenCalledWith('simple');
  });

  test('学习时长 can be switched off', () => {
    const onReadingTime = vi.fn();
    render(<ExportSection layout="official" onLayout={() => undefined} readingTime onReadingTime={onReadingTime} />);
    const box = screen.getByRole('checkbox', { name: '记录学习时长' });
    expect(box).toHaveProperty('checked', true);
    fireEvent.click(box);
    expect(onReadingTime).toHaveBeenCalledWith(false);
  });
});
