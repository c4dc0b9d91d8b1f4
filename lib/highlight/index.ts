/**
 * Wraps spans of the article text in <yd-mark> elements, and nothing else: it
 * only touches the DOM. Which spans, and why, is decided elsewhere (lib/analysis
 * for automatic marks, lib/anchoring for the reader's own).
 */
import type { TextMap } from '../extract/text-map';

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

/**
 * The page style for marks. A custom element name escapes page rules aimed at
 * <mark> or <span>; `!important` keeps pages from hiding it.
 */
export const MARK_STYLE = `
yd-mark { display: inline !important; visibility: visible !important; color: inherit; border-radius: 2px; }
yd-mark[data-kind="directive"] { background: rgba(255, 196, 0, 0.22) !important; box-shadow: inset 0 -2px rgba(214, 140, 0, 0.55); }
yd-mark[data-kind="lead"] { background: rgba(66, 133, 244, 0.14) !important; }
yd-mark[data-kind="slogan"] { background: rgba(219, 68, 55, 0.12) !important; box-shadow: inset 0 -1px rgba(219, 68, 55, 0.5); }
yd-mark[data-kind="parallel"] { background: rgba(15, 157, 88, 0.13) !important; }
html[data-yd-hide~="directive"] yd-mark[data-kind="directive"],
html[data-yd-hide~="lead"] yd-mark[data-kind="lead"],
html[data-yd-hide~="slogan"] yd-mark[data-kind="slogan"],
html[data-yd-hide~="parallel"] yd-mark[data-kind="parallel"] { background: none !important; box-shadow: none !important; }
yd-mark[data-yd-flash] { animation: yd-flash 1.4s ease-out; }
@keyframes yd-flash { 0%, 40% { background: rgba(255, 152, 0, 0.65); box-shadow: 0 0 0 3px rgba(255, 152, 0, 0.45); } }
yd-mark[data-annotation] { background: var(--yd-color, rgba(255, 235, 59, 0.55)) !important; box-shadow: none; }
yd-mark[data-color="yellow"] { --yd-color: rgba(255, 235, 59, 0.55); }
yd-mark[data-color="green"] { --yd-color: rgba(129, 199, 132, 0.55); }
yd-mark[data-color="blue"] { --yd-color: rgba(100, 181, 246, 0.5); }
yd-mark[data-color="pink"] { --yd-color: rgba(244, 143, 177, 0.55); }
yd-mark[data-color="purple"] { --yd-color: rgba(179, 157, 219, 0.6); }
`;
