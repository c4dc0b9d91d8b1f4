/**
 * Folds article text for matching: white space goes (Chinese text needs none,
 * and pages re-wrap or re-indent their paragraphs between versions), and ASCII
 * punctuation that Chinese pages write both ways becomes its full-width form.
 * Every folded character remembers its offset in the original text, so a match
 * found in the folded text maps straight back.
 */

/** ASCII punctuation → the full-width form Chinese pages also use for it (one for one). */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};

/** Characters that are layout, not text. */
const SPACE = /\s/;

/** A text with its folded form and the maps between the two. */
export interface FoldedText {
  /** The folded characters. */
  text: string;
  /** For each folded character, its offset in the original text. */
  origin: Int32Array;
  /** For each original offset 0..length, how many folded characters stand before it. */
  before: Int32Array;
}

/** Folds one character: null when it is dropped. */
function foldChar(char: string): string | null {
  if (SPACE.test(char)) return null;
  return FULL_WIDTH[char] ?? char;
}

/** Folds `text`, keeping the offset maps (for the article text). */
export function foldText(text: string): FoldedText {
  const origin = new Int32Array(text.length);
  const before = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    before[i] = n;
    const folded = foldChar(text[i]!);
    if (folded === null) continue;
    parts.push(folded);
    origin[n++] = i;
  }
  before[text.length] = n;
  return { text: parts.join(''), origin: origin.subarray(0, n), before };
}

/** Folds `text` without maps (for quotes and their context). */
export function fold(text: string): string {
  let out = '';
  for (const char of text) out += foldChar(char) ?? '';
  return out;
}
