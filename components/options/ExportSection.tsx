/**
 * Settings for the 学习笔记: the Word layout (公文版 by default, or 简洁版), and
 * whether 学习时长 is counted. Props in, callbacks out.
 */
import type { JSX } from 'preact';
import type { DocxLayout } from '@/lib/export/types';

/** The layouts offered, with what each looks like. */
export const DOCX_LAYOUT_CHOICES: readonly (readonly [DocxLayout, string, string])[] = [
  ['official', '公文版', '按党政机关公文格式（GB/T 9704）：版心每页22行、每行28字，页码“— 1 —”单页居右、双页居左。'],
  ['simple', '简洁版', '同样的字体字号，不设文档网格，页码居中。'],
];

export interface ExportSectionProps {
  /** The layout chosen; null while it is read. */
  layout: DocxLayout | null;
  /** The reader chose a layout. */
  onLayout: (layout: DocxLayout) => void;
  /** Whether 学习时长 is counted; null while it is read. */
  readingTime: boolean | null;
  /** The reader switched 学习时长 on or off. */
  onReadingTime: (on: boolean) => void;
}

export function ExportSection(props: ExportSectionProps): JSX.Element {
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">学习笔记</h2>
      <fieldset class="choices">
        <legend>Word 版式</legend>
        {DOCX_LAYOUT_CHOICES.map(([layout, name, hint]) => (
          <label key={layout}>
            <input type="radio" name="docx-layout" value={layout} checked={props.layout === layout} onChange={() => props.onLayout(layout)} />
            {name}
            <span class="hint"> {hint}</span>
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" checked={props.readingTime === true} onChange={(e) => props.onReadingTime(e.currentTarget.checked)} />
        记录学习时长
      </label>
      <p class="hint">只在页面显示且一分钟内有操作时计时，只保存在本机；显示在笔记本的文章列表里，并写入学习笔记的“学习时间”。</p>
    </section>
  );
}
