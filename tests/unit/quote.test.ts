import { describe, expect, test } from 'vitest';
import { matchAnchor } from '@/lib/anchoring/match';
import { CONTEXT_CHARS, describeSpan } from '@/lib/anchoring/quote';

/** Where matchAnchor (what the reader script re-attaches with) places `anchor` in `text`, as a position. */
function locateAnchor(text: string, anchor: Parameters<typeof matchAnchor>[1]): { start: number; end: number } | null {
  const found = matchAnchor(text, anchor);
  return found && { start: found.start, end: found.end };
}

const TEXT = '要把围绕中心、服务大局摆在更加突出的位置。一是要认真学习领会；二是要扎实开展调查研究；三是要立足自身实际。';

describe('describeSpan', () => {
  test('keeps the quote, up to CONTEXT_CHARS of context each side, and the position', () => {
    const start = TEXT.indexOf('一是');
    const anchor = describeSpan(TEXT, start, start + 9);
    expect(anchor.quote.exact).toBe('一是要认真学习领会');
    expect(anchor.quote.prefix).toBe(TEXT.slice(0, start));
    expect(anchor.quote.suffix.length).toBeLessThanOrEqual(CONTEXT_CHARS);
    expect(anchor.position).toEqual({ start, end: start + 9 });
  });
});

describe('locateAnchor', () => {
  const anchor = describeSpan(TEXT, TEXT.indexOf('二是'), TEXT.indexOf('二是') + 7);

  test('finds the span at its old position', () => {
    expect(locateAnchor(TEXT, anchor)).toEqual(anchor.position);
  });

  test('follows the quote when text was inserted before it', () => {
    const changed = '（新增导语）' + TEXT;
    const found = locateAnchor(changed, anchor);
    expect(found && changed.slice(found.start, found.end)).toBe('二是要扎实开展');
    expect(found!.start).toBe(anchor.position.start + 6);
  });

  test('chooses among repeats by prefix and suffix', () => {
    const text = '坚持党的领导。甲段：坚持党的领导，抓落实。乙段：坚持党的领导，重实效。';
    const second = text.lastIndexOf('坚持党的领导');
    const saved = describeSpan(text, second, second + 6);
    const shifted = '前言。' + text;
    const found = locateAnchor(shifted, saved);
    expect(found!.start).toBe(second + 3);
  });

  test.each([
    ['the quote is gone', '全文已改写，没有原句。'],
    ['the text is empty', ''],
  ])('returns null when %s', (_case, text) => {
    expect(locateAnchor(text, anchor)).toBeNull();
  });
});
