/**
 * The reader's highlight colours (DESIGN.md §2): the values stored and sent
 * (`data-color`), their Chinese names, swatches and page tints. Adding a colour
 * is one row here.
 */

/** The reader's highlight colours, in the order the toolbar shows them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
/** One of the highlight colours. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** What the interface shows for one colour. */
export interface ColorInfo {
  /** Its accessible Chinese name (黄色), in toolbars, editors and filters. */
  name: string;
  /** Its one-character name (黄), in exported study records. */
  short: string;
  /** The swatch the reader clicks. */
  swatch: string;
  /** The tint its marks are drawn with on the page. */
  tint: string;
  /** Its fill on paper (the printable full text): light enough to print, dark enough to see. */
  paper: string;
}

/** Each colour's names, swatch and tint (the swatch and the tint are the same hue). */
export const COLOR_INFO: Readonly<Record<HighlightColor, ColorInfo>> = {
  yellow: { name: '黄色', short: '黄', swatch: '#fde74c', tint: 'rgba(255, 235, 59, 0.55)', paper: '#fff09a' },
  green: { name: '绿色', short: '绿', swatch: '#81c784', tint: 'rgba(129, 199, 132, 0.55)', paper: '#c8ecc8' },
  blue: { name: '蓝色', short: '蓝', swatch: '#64b5f6', tint: 'rgba(100, 181, 246, 0.5)', paper: '#cfe3fa' },
  pink: { name: '粉色', short: '粉', swatch: '#f48fb1', tint: 'rgba(244, 143, 177, 0.55)', paper: '#fad0e0' },
  purple: { name: '紫色', short: '紫', swatch: '#b39ddb', tint: 'rgba(179, 157, 219, 0.6)', paper: '#e4d5f5' },
};

/** The colour a new highlight gets before the reader chose one. */
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';
