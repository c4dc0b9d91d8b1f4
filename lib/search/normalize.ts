/**
 * Folding for search: the same text written in another width, case or script
 * must match. Each character folds to exactly one character (NFKC when it gives
 * one character, ASCII lower case, Traditional → Simplified from the analysis
 * table), and white space is dropped: pages re-wrap Chinese text anywhere, and
 * Chinese needs no spaces. Every folded character remembers where it stood in
 * the original, so a match maps back to a range of the original text.
 */
import { fold as foldScript } from '../analysis/normalize';

/** A text folded for matching, with each folded character's offset in the original. */
export interface SearchText {
  /** The folded characters (no white space). */
  text: string;
  /** For each folded character, its UTF-16 offset in the original text. */
  origin: Int32Array;
}

/** Characters that only lay text out. */
const SPACE = /\s/;
/** Plain ASCII and CJK ideographs need no NFKC pass (the common case: skip the call). */
const PLAIN = /[\u0000-\u007f\u4e00-\u9fff]/;

function foldChar(char: string): string {
  if (!PLAIN.test(char)) {
    const nfkc = char.normalize('NFKC');
    if (nfkc.length === 1) char = nfkc;
  }
  return char >= 'A' && char <= 'Z' ? char.toLowerCase() : char;
}

/** Folds `text` for matching and keeps the map back to the original. */
export function searchText(text: string): SearchText {
  const scripted = foldScript(text);
  const origin = new Int32Array(scripted.length);
  let out = '';
  let n = 0;
  for (let i = 0; i < scripted.length; i++) {
    const char = scripted[i]!;
    if (SPACE.test(char)) continue;
    out += foldChar(char);
    origin[n++] = i;
  }
  return { text: out, origin: origin.subarray(0, n) };
}

/** Per UTF-16 unit: 0 not yet known, 1 folds to itself (and is not white space), 2 changes or is dropped. */
const STABLE = new Uint8Array(0x10000);

/** Whether every unit of `text` folds to itself: then its folded form is the text itself. */
function foldsToItself(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let known = STABLE[code]!;
    if (known === 0) {
      const char = String.fromCharCode(code);
      known = STABLE[code] = !SPACE.test(char) && foldChar(char) === char ? 1 : 2;
    }
    if (known === 2) return false;
  }
  return true;
}

/** Folds `text` for matching (queries, and text being searched); the same as searchText(text).text, faster. */
export function normalizeForSearch(text: string): string {
  const scripted = foldScript(text);
  if (foldsToItself(scripted)) return scripted;
  // Often only white space (a quote across lines) is in the way.
  const compact = scripted.replace(/\s+/g, '');
  return compact !== scripted && foldsToItself(compact) ? compact : searchText(text).text;
}
