/** Text with the search matches marked: Preact text nodes inside <mark>, never HTML. */
import type { JSX } from 'preact';
import type { TextRange } from '@/lib/model/notebook';
import { splitByRanges } from '@/lib/search';

export interface HighlightedProps {
  /** The text (page text or the reader's own). */
  text: string;
  /** Ranges of `text` to mark (sorted, not overlapping). */
  ranges: readonly TextRange[];
}

export function Highlighted({ text, ranges }: HighlightedProps): JSX.Element {
  if (ranges.length === 0) return <>{text}</>;
  return <>{splitByRanges(text, ranges).map((piece, i) => (piece.hit ? <mark key={i}>{piece.text}</mark> : piece.text))}</>;
}
