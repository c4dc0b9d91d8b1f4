/**
 * Directives on articles never seen (issue 12): every marker form of
 * DESIGN.md in varied contexts — inline and as paragraphs, full- and
 * half-width punctuation, spaces, no end marks, HTML bold through the CLI's
 * extraction — and look-alikes. Sentences written for these tests.
 */
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../../scripts/analyze';
import { analyze } from '../../../lib/analysis/index';
import { directiveKeys, itemsOf } from './helpers';

const markersOf = (text: string): (string | null)[] => itemsOf(text, 'directive').map((d) => d.marker);

describe('directives unseen: the forms in varied contexts', () => {
  test.each([
    ['一是 after a colon, items in one sentence', '今年重点抓好三项工作：一是稳就业，二是保民生，三是防风险。', ['一是', '二是', '三是']],
    ['一是 after ；', '具体要做到：一是摸清底数；二是建立台账；三是限时整改。', ['一是', '二是', '三是']],
    ['一是 with half-width punctuation', '措施有三:一是加大投入,二是强化监管,三是严格考核.', ['一是', '二是', '三是']],
    ['一是 as paragraphs', '一是坚持规划先行。各村要编制好规划。\n二是坚持产业带动。要培育特色产业。\n三是坚持共建共享。要发动群众参与。', ['一是', '二是', '三是']],
    ['一是 with a space after a line break', '下一步工作安排：\n 一是 加强调度\n 二是 压实责任', ['一是', '二是']],
    ['一是要 / 二是要', '对此，一是要提高站位，二是要细化措施。', ['一是', '二是']],
    ['ten and more items', Array.from({ length: 11 }, (_, i) => `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'][i]}是抓好第${i + 1}项任务。`).join(''), ['一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是', '十一是']],
    ['一要 / 二要 / 三要', '各级干部一要讲政治，二要敢担当，三要守纪律。', ['一要', '二要', '三要']],
    ['其一 / 其二 with a colon', '之所以如此，原因有二。其一：基础薄弱；其二：人才短缺。', ['其一', '其二']],
    ['其一是 / 其二是', '其一是观念转变慢，其二是投入不足。', ['其一', '其二']],
    ['第一 / 第二 / 第三 as paragraphs', '第一，要把好方向。把方向是首要的。\n第二，要抓住重点。\n第三，要守住底线。', ['第一', '第二', '第三']],
    ['第一、 / 第二、', '主要体会有两点。第一、思想上要重视。第二、行动上要跟上。', ['第一', '第二']],
    ['第一是 / 第二是', '第一是加强学习，第二是注重实践。', ['第一', '第二']],
    ['首先 / 其次 / 最后 with commas', '首先，要吃透政策。其次，要摸清实情。最后，要抓好落实。', ['首先', '其次', '最后']],
    ['首先 / 其次 with colons', '首先：统一思想认识。其次：完善工作机制。', ['首先', '其次']],
    ['一方面 / 另一方面', '这项政策一方面减轻了企业负担，另一方面激发了市场活力。', ['一方面', '另一方面']],
    ['（一）（二） headings with text after', '（一）总体要求\n全面贯彻落实会议精神。\n（二）主要任务\n抓好四个方面工作。', ['（一）', '（二）']],
    ['(一)(二) half-width inline', '分两步推进：(一)试点先行；(二)全面推开。', ['(一)', '(二)']],
    ['一、二、 headings with long sections', `一、提高思想认识\n${'这是正文。'.repeat(30)}\n二、明确目标任务\n${'这是正文。'.repeat(30)}\n三、强化组织保障\n正文。`, ['一、', '二、', '三、']],
    ['1. 2. 3. items', '报名须知：\n1.携带身份证件。\n2.按时到达考场。\n3.服从现场安排。', ['1.', '2.', '3.']],
    ['1、2、 items inline', '申报条件：1、具有本地户籍；2、年满十八周岁；3、无违法记录。', ['1、', '2、', '3、']],
    ['（1）（2） items', '材料包括：（1）申请表；（2）身份证复印件。', ['（1）', '（2）']],
    ['①②③ items', '流程为：①提交申请；②部门审核；③公示结果。', ['①', '②', '③']],
  ])('%s', (_name, text, markers) => {
    expect(markersOf(text)).toEqual(markers);
  });

  test('bold markers in HTML come through the extraction', () => {
    const html =
      '<html><head><title>关于做好秋冬季安全生产工作的通知</title></head><body><article><h1>关于做好秋冬季安全生产工作的通知</h1>' +
      '<p>各单位要认真贯彻落实安全生产责任制，切实做好以下工作。</p>' +
      '<p>秋冬季节天干物燥，用火用电用气增多，道路交通、建筑施工、危险化学品等领域事故风险上升，安全生产形势不容乐观，各单位务必保持清醒头脑，绷紧安全这根弦。</p>' +
      '<p><strong>一是</strong>加强隐患排查，对重点部位逐一检查。</p>' +
      '<p><strong>二是</strong>强化应急值守，确保信息畅通。</p>' +
      '<p><b>三是</b>严肃追责问责，对失职失责的依规处理。</p>' +
      '<p>各单位要将落实情况于每月底前报送县安全生产委员会办公室，遇有重大情况随时报告，确保全县安全生产形势持续稳定，为群众创造安全稳定的生产生活环境。</p></article></body></html>';
    const input = extractHtml(html);
    const items = analyze({ ...input, force: true }).items.filter((i) => i.kind === 'directive');
    expect(items.map((i) => i.marker)).toEqual(['一是', '二是', '三是']);
    expect(items[0]!.text.startsWith('加强隐患排查')).toBe(true);
  });
});

describe('directives unseen: look-alikes', () => {
  test.each([
    ['months 一、二月', '一、二月份，全市工业生产平稳；三、四月份增速加快。'],
    ['months after a year', '今年一、二月份，全市完成投资十亿元。'],
    ['quarters 第一、二季度', '第一、二季度全县财政收入稳中有升。'],
    ['a saying 一是一，二是二', '他做事一向一是一，二是二，从不含糊。'],
    ['ordinal of a round', '第一轮巡察已经结束，第二轮巡察即将开始。'],
    ['first place', '他在比赛中获得第一名，她获得第二名。'],
    ['第一书记', '驻村第一书记和第二书记一起走访。'],
    ['其一 inside a word', '尤其一线职工更要注意安全，其二十年的坚守令人敬佩。'],
    ['首先 without a series', '首先映入眼帘的是一排排整齐的新房。'],
    ['最后 meaning at last', '经过努力，他最后考上了大学。'],
    ['一方面 without 另一方面', '一方面的原因是资金不足。'],
    ['house numbers and rooms', '请到3号楼1、2层办理，或拨打12345。'],
    ['a class name (1)班', '高三（1）班和（2）班的同学参加了活动。'],
    ['decimals and versions', '增长2.5个百分点，版本3.1发布。'],
    ['a date with dots', '会议于2024.3.15召开，2024.3.16结束。'],
    ['circled digits as footnotes, one only', '该数据来自统计公报①。'],
    ['二是 alone', '二是一个偶数。'],
    ['the first chapter', '第一章总则，第二章组织机构。'],
  ])('%s', (_name, text) => {
    expect(directiveKeys(text)).toEqual([]);
  });
});
