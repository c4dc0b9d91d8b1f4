/**
 * Reading the numbers of enumeration markers: Chinese numerals 一…九十九,
 * ASCII digits and circled digits ①…⑳. Markers only ever count items, so
 * nothing beyond 99 is needed.
 */

/** The Chinese digits in value order; 两 and 〇 are handled beside them. */
const DIGITS = '〇一二三四五六七八九';
/** First circled digit; ① … ⑳ are consecutive code points. */
const CIRCLED_ONE = 0x2460;
/** Last circled digit we read (⑳). */
const CIRCLED_TWENTY = 0x2473;

function digit(char: string): number {
  if (char === '两') return 2;
  return DIGITS.indexOf(char);
}

/** Value of a Chinese numeral such as 三, 十, 十二, 二十, 二十三; NaN when it is not one. */
export function chineseNumber(word: string): number {
  if (word.length === 1) return word === '十' ? 10 : digit(word) > 0 ? digit(word) : Number.NaN;
  const ten = word.indexOf('十');
  if (ten === -1 || word.length > 3) return Number.NaN;
  const tens = ten === 0 ? 1 : digit(word.charAt(0));
  const units = ten === word.length - 1 ? 0 : digit(word.charAt(ten + 1));
  if (!(tens > 0) || units < 0 || (ten === 0 && word.length === 3)) return Number.NaN;
  return tens * 10 + units;
}

/** Value of an enumeration number: Chinese numeral, ASCII digits or a circled digit; NaN otherwise. */
export function markerNumber(word: string): number {
  const code = word.charCodeAt(0);
  if (code >= 48 && code <= 57) return Number.parseInt(word, 10);
  if (word.length === 1 && code >= CIRCLED_ONE && code <= CIRCLED_TWENTY) return code - CIRCLED_ONE + 1;
  return chineseNumber(word);
}
