/**
 * Unquoted numbered formulations longer than N个/N大 + two characters (issue
 * 12): the word runs on to the boundary the text gives (a mark, 的, a
 * conjunction) instead of being cut to four characters. Sentences and
 * formulations invented for these tests; counts must stay unmarked.
 */
import { describe, expect, test } from 'vitest';
import { slogansOf } from './helpers';

describe('numbered formulations: the whole word', () => {
  test.each([
    ['N大 + a head + 战, before a comma', '全乡上下打赢五大保卫战，交出合格答卷。', '五大保卫战'],
    ['N个 + a four-character stance, before 的', '始终坚持三个毫不放松的工作要求。', '三个毫不放松'],
    ['N个 + a four-character stance, at the end of a sentence', '各级党组织要做到两个始终如一。', '两个始终如一'],
    ['N大 + a head + 工程, before 和', '扎实推进四大惠民工程和配套改革。', '四大惠民工程'],
    ['N个 + a two-character word stays four', '做到五个坚持，服务群众。', '五个坚持'],
  ])('%s', (_name, text, slogan) => {
    const found = slogansOf(text);
    expect(found).toContain(slogan);
    expect(found.filter((s) => s !== slogan && slogan.startsWith(s))).toEqual([]);
  });
});

describe('numbered formulations: counts and cut words stay as they were', () => {
  test.each([
    ['a count of months', '工程用了三个月时间才完工。', '三个月'],
    ['a count of people', '屋里只有两个人，说话很轻。', '两个人'],
    ['a count of villages', '帮扶覆盖五个村庄的困难户。', '五个村庄'],
    ['a word running on past a place word is not taken whole', '在两大主题下开展讨论。', '两大主题下'],
    ['a run-on longer than two characters is not guessed', '坚持五个坚持以人民为中心的思想。', '五个坚持以人'],
  ])('%s', (_name, text, notFound) => {
    expect(slogansOf(text)).not.toContain(notFound);
  });
});
