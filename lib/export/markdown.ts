/**
 * The study record as Markdown (for pasting into notes apps or the clipboard).
 * Page text is escaped so that no character of it becomes Markdown or HTML
 * markup in whatever renders the file.
 */
import { layoutRecord, outlineLine, quoteLine, type Block } from './layout';
import type { StudyRecord } from './types';

/** Punctuation that can start markup anywhere in a line (emphasis, links, HTML, entities, tables). */
const INLINE_SPECIAL = /[\\`*_[\]<>!|~&]/g;
/** What starts a block at the beginning of a line: headings, quotes, lists, setext underlines. */
const LINE_START_SPECIAL = /^(\s*)([#+\-=]|\d+[.)])/;
/** Spaces of indentation per outline level (a Markdown list level). */
const INDENT = '  ';

/** Escapes `text` so that Markdown shows it literally; line breaks become hard breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (ch) => `\\${ch}`)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(LINE_START_SPECIAL, (_m, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`))
    .join('  \n');
}

function blockToMarkdown(block: Block): string {
  switch (block.type) {
    case 'title':
      return `# ${escapeMarkdown(block.text)}`;
    case 'heading':
      return `${block.level === 1 ? '##' : '###'} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'outline':
      return `${INDENT.repeat(block.depth)}- ${block.kind === 'lead' ? `**${escapeMarkdown(outlineLine(block))}**` : escapeMarkdown(outlineLine(block))}`;
    case 'quote':
      return `> ${escapeMarkdown(quoteLine(block)).split('\n').join('\n> ')}`;
    case 'source':
      return `> ${escapeMarkdown(block.text)}`;
    case 'note':
      return `${escapeMarkdown(block.text)}\n\n${escapeMarkdown(block.about)}`;
  }
}

/** Renders `record` as Markdown text. */
export function renderMarkdown(record: StudyRecord): string {
  const blocks = layoutRecord(record);
  const parts: string[] = [];
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    // Consecutive list items stay one list; a quote and its source line stay one blockquote.
    const joined =
      (block.type === 'outline' && previous?.type === 'outline') || (block.type === 'source' && previous?.type === 'quote');
    if (joined) parts.push(block.type === 'source' ? '>\n' : '', blockToMarkdown(block), '\n');
    else parts.push(i === 0 ? '' : '\n', blockToMarkdown(block), '\n');
  });
  return parts.join('');
}
