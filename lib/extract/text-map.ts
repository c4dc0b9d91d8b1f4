/**
 * The article's text as one string, with a map from every text offset back to
 * the DOM text node that holds it. The analysis and the anchoring work on the
 * string; highlighting turns string offsets back into DOM positions here.
 *
 * The string is offset-exact against the DOM: each text node contributes its
 * characters one for one (line breaks and tabs inside a node become spaces, so
 * HTML source wrapping never looks like a paragraph break), and block
 * boundaries contribute a single virtual "\n" that belongs to no node.
 */

/** One text node's place in the article text. */
export interface TextSegment {
  /** The DOM text node. */
  node: Text;
  /** Offset in the article text of the node's first character. */
  start: number;
}

/** Elements that end a paragraph: a "\n" separates their text from what follows. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CENTER', 'DD', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** Elements whose text is never article text: code, controls, captions, navigation. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO',
  'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'FIGCAPTION', 'NAV', 'OBJECT',
]);

/** Tag names of 研读's own in-page UI hosts, which must never count as article text. */
export const OWN_UI_TAG_PREFIX = 'YANDU-';

function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.tagName.startsWith(OWN_UI_TAG_PREFIX) || el.tagName.startsWith(OWN_UI_TAG_PREFIX.toLowerCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * The article text of `root` and its segment map.
 * @param include when given, only these text nodes count (e.g. those Readability kept).
 */
export class TextMap {
  /** The article text. */
  text = '';
  /** Text nodes in document order with their offsets. */
  segments: TextSegment[] = [];
  /** Every split made by `splitAt`, oldest first, so `rejoin` can undo them. */
  private splits: { head: Text; tail: Text }[] = [];

  constructor(public root: Element, include?: ReadonlySet<Text>) {
    const parts: string[] = [];
    let length = 0;
    let pendingBreak = false;
    const breakHere = (): void => {
      if (length > 0) pendingBreak = true;
    };
    const visit = (el: Element): void => {
      for (let child = el.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          const node = child as Text;
          if (include && !include.has(node)) continue;
          if (node.data.length === 0) continue;
          if (pendingBreak) {
            if (node.data.trim() === '') continue;
            parts.push('\n');
            length += 1;
            pendingBreak = false;
          }
          this.segments.push({ node, start: length });
          parts.push(node.data.replace(/[\r\n\t\f]/g, ' '));
          length += node.data.length;
        } else if (child.nodeType === 1) {
          const childEl = child as Element;
          if (isSkipped(childEl)) continue;
          const block = BLOCK_TAGS.has(childEl.tagName.toUpperCase());
          if (block) breakHere();
          visit(childEl);
          if (block) breakHere();
        }
      }
    };
    visit(root);
    this.text = parts.join('');
  }

  /**
   * Takes over a freshly extracted map of the same page, so that everything
   * holding this map (the selection toolbar, the notes) follows the new article.
   */
  adopt(other: TextMap): void {
    this.root = other.root;
    this.text = other.text;
    this.segments = other.segments;
    this.splits = other.splits;
  }

  /** Index of the segment holding `offset` (or the first segment after it, at a gap). */
  private segmentIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Makes sure a text node boundary falls at `offset`, splitting a node if needed,
   * and keeps the map in step. Returns the index of the segment starting there.
   */
  splitAt(offset: number): number {
    const index = this.segmentIndexAt(offset);
    const segment = this.segments[index];
    if (!segment) return 0;
    const local = offset - segment.start;
    if (local <= 0) return index;
    if (local >= segment.node.data.length) return index + 1;
    const tail = segment.node.splitText(local);
    this.segments.splice(index + 1, 0, { node: tail, start: offset });
    this.splits.push({ head: segment.node, tail });
    return index + 1;
  }

  /**
   * Undoes the splits whose two halves stand side by side again (after their
   * marks were removed): the page gets back its own text node objects, which
   * page scripts may hold references to. The map stays valid.
   */
  rejoin(): void {
    for (let i = this.splits.length - 1; i >= 0; i--) {
      const { head, tail } = this.splits[i]!;
      if (head.nextSibling !== tail) continue;
      head.appendData(tail.data);
      tail.remove();
      this.splits.splice(i, 1);
      const at = this.segments.findIndex((s) => s.node === tail);
      if (at !== -1) this.segments.splice(at, 1);
      for (const later of this.splits) if (later.head === tail) later.head = head;
    }
  }

  /** The text nodes covering [start, end), split so that they cover it exactly. */
  nodesIn(start: number, end: number): Text[] {
    if (end <= start) return [];
    const first = this.splitAt(start);
    const last = this.splitAt(end);
    return this.segments.slice(first, last).map((s) => s.node);
  }

  /** The text offset of a DOM position inside the mapped text, or null when outside it. */
  offsetOf(node: Node, offset: number): number | null {
    if (node.nodeType === 3) {
      const segment = this.segments.find((s) => s.node === node);
      if (segment) return segment.start + offset;
    }
    // A position between nodes: the first mapped text node at or after it.
    const doc = this.root.ownerDocument;
    const probe = doc.createRange();
    probe.setStart(node, offset);
    for (const segment of this.segments) {
      if (probe.comparePoint(segment.node, 0) >= 0) return segment.start;
    }
    return node.nodeType === 3 ? null : this.text.length;
  }

  /** The article-text offsets of a DOM range, or null when it lies outside the article. */
  offsetsOfRange(range: Range): { start: number; end: number } | null {
    if (!this.root.contains(range.commonAncestorContainer)) return null;
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }
}
