import { describe, expect, test } from 'vitest';
import { analyze } from '../../../lib/analysis/index';
import { directiveKeys, itemsOf } from './helpers';

describe('directives: series that should be found', () => {
  test.each([
    ['一是/二是 in separate sentences', '重点抓好两件事。一是要摸清农户底数。二是要建好帮扶台账。', ['一是', '二是']],
    ['一是/二是/三是 inline after a colon', '要办好3件事，一是修路和架桥，二是引水和治污，三是建校和办医。', ['一是', '二是', '三是']],
    ['其一/其二', '改革的用意有两层：其一是减轻群众负担；其二是提高办事效率。', ['其一', '其二']],
    ['一要/二要', '各级党组织要做到：一要提高认识；二要加强领导；三要狠抓落实。', ['一要', '二要', '三要']],
    ['第一，第二，', '第一，坚持系统谋划。\n第二，坚持底线思维。', ['第一', '第二']],
    ['首先/其次/最后', '首先，要统一思想。其次，要明确任务。最后，要狠抓落实。', ['首先', '其次', '最后']],
    ['一方面/另一方面', '一方面，网络拓宽了学习渠道；另一方面，碎片化阅读分散了注意力。', ['一方面', '另一方面']],
    ['（一）（二） headings', '（一）完善服务网络\n内容。\n（二）提升服务质量\n内容。', ['（一）', '（二）']],
    ['(一)(二) half-width', '(一)按时足额缴费；\n(二)如实申报个人信息；', ['(一)', '(二)']],
    ['一、二、 headings', '一、基本情况\n正文。\n二、存在问题\n正文。', ['一、', '二、']],
    ['1. 2. list', '具体要求：\n1.按规定时间报到\n2.遵守培训纪律', ['1.', '2.']],
    ['1、2、 list', '建议：1、增设公交线路；2、延长末班车时间。', ['1、', '2、']],
    ['①② list', '包括：①加强领导；②完善机制；③强化监督。', ['①', '②', '③']],
    ['full-width digits', '１．加强领导\n２．完善机制', ['１．', '２．']],
  ])('%s', (_name, text, markers) => {
    expect(itemsOf(text, 'directive').map((d) => d.marker)).toEqual(markers);
  });
});

describe('directives: look-alikes that must not be markers', () => {
  test.each([
    ['第一责任人', '书记要当好第一责任人，分管领导是第二责任人。'],
    ['第一次 / 第二次', '这是第一次会议，第二次会议下月召开。'],
    ['附属第一医院', '在附属第一医院和第二医院举行。'],
    ['再次 = again', '他首先在县城租了房，后来再次上门又被婉拒。'],
    ['最后 = at last', '他最后还是走了，最后的结果令人遗憾。'],
    ['一是 inside a word (统一是, 唯一是)', '思想统一是前提，唯一是关键。'],
    ['a lone 一是 without 二是', '原因有很多，一是天气太热。'],
    ['其次是 ranking', '首先，县里组织专家指导。然后进行分析。买种子的最多，其次是买化肥。'],
    ['十四、五岁 is not a heading', '这群学生大多十四、五岁，正是长身体的时候。'],
    ['dates and decimals', '2022年1月27日，增长3.5%，2.1亿元。'],
    ['image file names 5.png', '![](图像/5.png)\n![](图像/80.png)'],
    ['第一条 / 第一章 of a law', '第一章 总则\n第一条 为了深化改革，制定本法。\n第二条 坚持领导。'],
    ['一要 inside a word (统一要求)', '按照统一要求推进，二要素齐全。'],
    ['numbers out of order', '二是完善机制。一是加强领导。'],
  ])('%s', (_name, text) => {
    expect(directiveKeys(text)).toEqual([]);
  });
});

describe('directives: spans and nesting', () => {
  test('the span covers the marker and the first sentence; text follows the marker', () => {
    const text = '工作有三项。一是要摸清农户底数。逐户登记造册是前提。二是要建好帮扶台账。';
    const [first, second] = itemsOf(text, 'directive');
    expect(first).toMatchObject({ marker: '一是', text: '要摸清农户底数。' });
    expect(text.slice(first!.start, first!.end)).toBe('一是要摸清农户底数。');
    expect(second!.marker).toBe('二是');
  });

  test('第一， skips the separator: the text starts after the comma', () => {
    const [first] = itemsOf('第一，坚持系统谋划。第二，坚持底线思维。', 'directive');
    expect(first).toMatchObject({ marker: '第一', text: '坚持系统谋划。' });
  });

  test('inline items end where the next one begins', () => {
    const items = itemsOf('要办好3件事，一是修路和架桥，二是引水和治污，三是建校和办医。', 'directive');
    expect(items.map((d) => d.text)).toEqual(['修路和架桥', '引水和治污', '建校和办医。']);
  });

  test('a 一是 series inside a （二） section belongs to it; the next （三） closes it', () => {
    const text = '（一）加强领导\n正文。\n（二）完善机制\n一是健全制度。二是强化考核。\n（三）狠抓落实\n正文。';
    const { items } = analyze({ text, force: true });
    const byMarker = new Map(items.map((i) => [i.marker, i]));
    const section = byMarker.get('（二）')!;
    expect(byMarker.get('一是')!.parent).toBe(section.id);
    expect(byMarker.get('二是')!.parent).toBe(section.id);
    expect(byMarker.get('（三）')!.parent).toBeNull();
    expect(byMarker.get('（一）')!.parent).toBeNull();
  });

  test('a numbering that restarts under 其次 nests under it, not under 首先', () => {
    const text = '首先，从主观上找原因。\n1.认识不足\n2.能力欠缺\n其次，从客观上找原因。\n1.经费紧张\n2.人手不够';
    const { items } = analyze({ text, force: true });
    const second = items.find((i) => i.marker === '其次')!;
    const lastOnes = items.filter((i) => i.marker === '1.' || i.marker === '2.').slice(2);
    expect(lastOnes.map((i) => i.parent)).toEqual([second.id, second.id]);
  });
});

/**
 * One row per marker form of lib/analysis/directives.ts's FORMS table: a new
 * form is a new row there and a new row here, with a text that has it and a
 * look-alike that must stay unmarked.
 */
describe('directives: every form of the table, found and refused', () => {
  test.each([
    ['aspect', '这件事，一方面靠制度保障，另一方面靠人去执行。', ['一方面', '另一方面'], '从另一方面说，问题并不复杂。'],
    ['sequence', '首先，摸清底数。其次，定好责任。再次，抓好考核。', ['首先', '其次', '再次'], '首先要说的是，我们最后还是赶上了车。'],
    ['di', '第一，守住底线。第二，抓住重点。', ['第一', '第二'], '她第一个到场，第二天又来了。'],
    ['qi', '理由有二：其一，时间紧；其二，任务重。', ['其一', '其二'], '其一生致力于教育事业。'],
    ['shi', '下一步，一是摸清底数，二是压实责任。', ['一是', '二是'], '统一是基础，唯一是方向。'],
    ['yao', '做好这项工作，一要早谋划，二要抓落实。', ['一要', '二要'], '统一要求，一一要落到实处。'],
    ['heading', '一、总体思路\n正文。\n二、重点任务\n正文。', ['一、', '二、'], '孩子们大多十二、三岁。'],
    ['paren', '（一）目标\n正文。\n（二）路径\n正文。', ['（一）', '（二）'], '见附件（一）所列表格。'],
    ['parenDigit', '具体包括：(1)摸底；(2)建账；(3)销号。', ['(1)', '(2)', '(3)'], '公式(1)给出了结果。'],
    ['digitDot', '步骤如下：\n1.摸底\n2.建账', ['1.', '2.'], '增长了1.5个百分点，达到2.3万。'],
    ['digitDot, a space before the item', '注意事项：\n1. 按时集合。\n2. 统一着装。', ['1.', '2.'], '版本号为 1. 0 与 2. 0。'],
    ['digitComma', '要求：1、按时集合；2、统一着装。', ['1、', '2、'], '每周1、2次即可。'],
    ['digitComma, a space before the item', '参加人员\n1、 全体党员\n2、 入党积极分子', ['1、', '2、'], '第1、 2页有误。'],
    ['circled', '分三步：①摸底；②建账；③销号。', ['①', '②', '③'], '见图①。'],
  ])('%s', (_form, text, markers, lookAlike) => {
    expect(itemsOf(text, 'directive').map((d) => d.marker)).toEqual(markers);
    expect(directiveKeys(lookAlike)).toEqual([]);
  });
});
