/**
 * The study record as plain text, for pasting into any editor or chat: the same
 * sections as the Word file, outline levels indented with full-width spaces.
 */
import { layoutRecord, outlineLine, quoteLine, type Block } from './layout';
import type { StudyRecord } from './types';

/** Indentation per outline level: two full-width spaces, as Chinese texts indent. */
const INDENT = '\u3000\u3000';

function blockToText(block: Block): string {
  switch (block.type) {
    case 'title':
      return block.text;
    case 'heading':
      return block.level === 1 ? `\n${block.text}` : block.text;
    case 'paragraph':
      return `${INDENT}${block.text}`;
    case 'outline':
      return `${INDENT.repeat(block.depth + 1)}${outlineLine(block)}`;
    case 'quote':
      return `${INDENT}${quoteLine(block)}`;
    case 'source':
      return `${INDENT}${INDENT}${block.text}`;
    case 'note':
      return `${INDENT}${block.text}\n${INDENT}${INDENT}${block.about}`;
  }
}

/** Renders `record` as plain text (lines end with \n). */
export function renderText(record: StudyRecord): string {
  return `${layoutRecord(record).map(blockToText).join('\n')}\n`;
}
