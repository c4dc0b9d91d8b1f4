/**
 * Wraps spans of the article text in <yd-mark> elements, and nothing else: it
 * only touches the DOM. Which spans, and why, is decided elsewhere (lib/analysis
 * for automatic marks, lib/anchoring for the reader's own).
 */
import type { TextMap } from '../extract/text-map';
import { COLOR_INFO, DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLORS } from '../model/colors';
import { KINDS } from '../model/kinds';

/** The element every highlight is drawn with (DESIGN.md: page contract). */
export const MARK_TAG = 'yd-mark';

/** Parents inside which a white-space-only text node is layout, not text: wrapping it would break the table or list. */
const STRUCTURAL_PARENTS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'OL', 'DL', 'SELECT']);

/**
 * Wraps the text in [start, end) of `map` in marks carrying `attributes`, one
 * mark per text node it crosses. Returns the marks in text order.
 */
export function wrapSpan(map: TextMap, start: number, end: number, attributes: Record<string, string>): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const node of map.nodesIn(start, end)) {
    const parent = node.parentNode;
    if (!parent) continue;
    if (node.data.trim() === '' && STRUCTURAL_PARENTS.has((parent as Element).tagName)) continue;
    const mark = node.ownerDocument.createElement(MARK_TAG);
    for (const [name, value] of Object.entries(attributes)) mark.setAttribute(name, value);
    parent.replaceChild(mark, node);
    mark.appendChild(node);
    marks.push(mark);
  }
  return marks;
}

/** How long marks flash after the reader jumps to them (outline entry, 我的批注, a notebook link). */
export const FLASH_MS = 1_400;

/** Scrolls to the first of `marks` and flashes them all for FLASH_MS. */
export function flashMarks(marks: readonly HTMLElement[]): void {
  const first = marks[0];
  if (!first) return;
  first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const mark of marks) mark.setAttribute('data-yd-flash', '');
  setTimeout(() => marks.forEach((mark) => mark.removeAttribute('data-yd-flash')), FLASH_MS);
}

/**
 * The page style for marks: the kinds' and colours' own (lib/model), hidden
 * kinds, the flash. A custom element name escapes page rules aimed at <mark>
 * or <span>; `!important` keeps pages from hiding it.
 */
export const MARK_STYLE = [
  'yd-mark { display: inline !important; visibility: visible !important; color: inherit; border-radius: 2px; }',
  ...KINDS.map(({ kind, markStyle }) => `yd-mark[data-kind="${kind}"] { ${markStyle} }`),
  `${KINDS.map(({ kind }) => `html[data-yd-hide~="${kind}"] yd-mark[data-kind="${kind}"]`).join(',\n')} { background: none !important; box-shadow: none !important; }`,
  `yd-mark[data-yd-flash] { animation: yd-flash ${FLASH_MS / 1000}s ease-out; }`,
  '@keyframes yd-flash { 0%, 40% { background: rgba(255, 152, 0, 0.65); box-shadow: 0 0 0 3px rgba(255, 152, 0, 0.45); } }',
  `yd-mark[data-annotation] { background: var(--yd-color, ${COLOR_INFO[DEFAULT_HIGHLIGHT_COLOR].tint}) !important; box-shadow: none; }`,
  ...HIGHLIGHT_COLORS.map((color) => `yd-mark[data-color="${color}"] { --yd-color: ${COLOR_INFO[color].tint}; }`),
].join('\n');
