/**
 * Parallel series by family (LABELING.md "parallels"; docs/ANALYSIS.md
 * "Parallels: the method"): for each way a series shows its one shape, texts
 * that have one and look-alikes that must stay unmarked. Every text here was
 * written for this table; none is taken from a corpus article.
 */
import { describe, expect, test } from 'vitest';
import { itemsOf } from './helpers';

const parallelsOf = (text: string): string[] => itemsOf(text, 'parallel').map((p) => p.text);

describe('pairs: items of one length joined by 、 in pairs, the pairs by ，', () => {
  test.each([
    ['two pairs of four-character items', '会议要求，统筹兼顾、突出重点，上下联动、合力攻坚，确保任务按期完成。', '统筹兼顾、突出重点，上下联动、合力攻坚'],
    ['the governing words before the first item left out', '形势越复杂，越要凝心聚力、攻坚克难，守正创新、行稳致远，奋力开创新局面。', '凝心聚力、攻坚克难，守正创新、行稳致远'],
    ['three pairs', '各支部要学深悟透、融会贯通，真学真信、笃信笃行，知行合一、学用相长，推动工作。', '学深悟透、融会贯通，真学真信、笃信笃行，知行合一、学用相长'],
    ['six-character items', '坚持筑牢思想根基、提升履职能力，锤炼过硬作风、守住廉洁底线，在新岗位上建新功。', '筑牢思想根基、提升履职能力，锤炼过硬作风、守住廉洁底线'],
    [
      'a pair of another length ends the series and opens the next clause',
      '越是困难，越要稳住阵脚、保持定力，主动作为、久久为功，继续推进各项改革、巩固已有成果。',
      '稳住阵脚、保持定力，主动作为、久久为功',
    ],
  ])('%s', (_name, text, series) => {
    expect(parallelsOf(text)).toContain(series);
  });

  test.each([
    ['one pair only', '会议要求统筹兼顾、突出重点，确保任务按期完成。'],
    ['pairs of names', '出席会议的有王小明、李大华，张建国、赵红梅等同志。'],
    ['pairs of two-character words', '桌上摆着茶杯、水壶，纸张、铅笔，一应俱全。'],
    ['pairs of different lengths', '他先后到过北京、上海，广州和深圳、成都，了解情况。'],
    ['a 的-phrase governs each pair', '传承党的优良传统、光荣作风，践行党的根本宗旨、初心使命，面向未来。'],
    ['the last pair runs on into a longer 、-list', '活动包括理论学习、实地调研，专题研讨、案例分析、经验交流等内容。'],
    ['figures and dates', '2023年、2024年，2025年、2026年分别完成。'],
  ])('not a series: %s', (_name, text) => {
    expect(parallelsOf(text)).toEqual([]);
  });
});

describe('whole clauses separated by ，', () => {
  test.each([
    ['clauses ending alike', '面对新形势，真心关爱职工，热心帮助职工，用心服务职工，让大家安心工作。', '真心关爱职工，热心帮助职工，用心服务职工'],
    ['clauses beginning alike among other clauses', '既要抓发展，又要保稳定，不唱高调子，不做表面文章，不图一时虚名，踏实做事。', '不唱高调子，不做表面文章，不图一时虚名'],
    ['numerals at one place, without the clause before that shares less', '这些年来，三下基层，两进社区，一访农户，积累了经验。', '三下基层，两进社区，一访农户'],
    ['plain six-character clauses', '会议强调，压实主体责任，健全工作机制，强化督促检查，确保各项任务落地见效。', '压实主体责任，健全工作机制，强化督促检查'],
    [
      'plain six-character clauses, the first after its governing words',
      '全体党员要坚定理想信念，筑牢思想根基，锤炼优良作风，提升履职能力，在岗位上建功立业。',
      '坚定理想信念，筑牢思想根基，锤炼优良作风，提升履职能力',
    ],
  ])('%s', (_name, text, series) => {
    expect(parallelsOf(text)).toContain(series);
  });

  test.each([
    ['ordinary clauses of one length', '天色已晚，大家回家，明天再来。'],
    ['items that open with enumeration markers', '一是抓学习，二是抓落实，三是抓考核。'],
    ['dates in narration', '活动分别于三月五日，四月五日，五月五日举行。'],
    ['narration sharing only the particle 了', '今天开了会，大家发了言，会后吃了饭。'],
    ['plain clauses of five characters', '天刚蒙蒙亮，车队已出发，大家很兴奋。'],
    ['six-character clauses of narration', '那天我们早早起床，他们开车来接我们，大家玩得非常开心。'],
    ['names of places ending alike', '工作组先后走访海淀街道，朝阳街道，丰台街道，听取意见。'],
    ['a clause cut by a bracket is not whole', '面对新形势，真心关爱职工，热心帮助职工，用心服务职工（含退休职工）的工作。'],
    ['a clause cut by a line break is not whole', '人的灵魂分为三部分，一为欲望，一为理性，一为\n气概。'],
  ])('not a series: %s', (_name, text) => {
    expect(parallelsOf(text)).toEqual([]);
  });
});

describe('where a 、-series begins and ends: the words around it', () => {
  test.each([
    ['a preposition before and a count of the items after', '要从思想教育、制度约束、监督问责三个方面着手。', '思想教育、制度约束、监督问责'],
    ['在 … 中 around the series', '政府在稳定就业、改善民生、促进消费中发挥重要作用。', '稳定就业、改善民生、促进消费'],
    ['a modifier’s 的 before the first item', '愿每位老师都成为学生的引路人、守护者、知心人吧。', '引路人、守护者、知心人'],
  ])('%s', (_name, text, series) => {
    expect(parallelsOf(text)).toContain(series);
  });

  test.each([
    ['a last word that runs on to 等 (an open list)', '要通过线上宣讲、入户走访、数字化平台建设等方式推进。'],
    ['a last item followed by 以及', '加大对科技创新、绿色发展、扩大内需以及中小企业的支持。'],
    ['a stretch cut out of a longer list of places', '构建以长江沿线、黄河流域、珠江三角洲地区、东北老工业基地为支点的格局。'],
    ['months in narration', '工程于三月、五月、八月分三批完成。'],
  ])('not a series: %s', (_name, text) => {
    expect(parallelsOf(text)).toEqual([]);
  });
});

describe('plain items of one length (no shared character)', () => {
  test.each([
    ['four-character items, one end given by punctuation', '要深入调研、科学决策、狠抓落实，推动工作。', '深入调研、科学决策、狠抓落实'],
    ['two-character items, 的 before and punctuation after', '要紧扣上级确定的目标、任务、要求，抓好落实。', '目标、任务、要求'],
    ['two-character items, a preposition before and 的 after', '同学们以诗歌、书法、绘画的形式表达心声。', '诗歌、书法、绘画'],
    ['six-character items: a verb and its four-character object', '坚持改善交通条件、提高办事效率、丰富文化生活，推动城乡共同进步。', '改善交通条件、提高办事效率、丰富文化生活'],
  ])('%s', (_name, text, series) => {
    expect(parallelsOf(text)).toContain(series);
  });

  test.each([
    ['both ends guessed, three items', '会上通报了改善交通条件、提高办事效率、丰富文化生活方面的进展情况。'],
    ['both ends guessed, four items', '大家认为思想观念、人文精神、道德规范、行为习惯方面差距明显。'],
    ['five-character items with nothing in common', '他们参观了中央大礼堂、革命纪念馆、烈士陵园区，留下深刻印象。'],
    ['a table row of figures', '指标、2023年、2024年、2025年'],
    ['two-character items with one end guessed', '孩子们说起假期都感到轻松、愉快、满足。'],
    ['two-character items filling a bracket (an aside)', '全市三类地区（沿海、山地、平原）都完成了改造。'],
  ])('not a series: %s', (_name, text) => {
    expect(parallelsOf(text)).toEqual([]);
  });
});

describe('series closed by a conjunction or by 等, and shapes over items of different lengths', () => {
  test.each([
    ['的 at one place counted from the end', '我们要以更大的勇气、更坚实的步伐、更有效的办法，推动改革向纵深发展。', '更大的勇气、更坚实的步伐、更有效的办法'],
    [
      'a last item longer than the others, its end given by 的',
      '要更好发挥社区志愿队伍联系居民、整合资源、化解矛盾、提升服务质量的积极作用。',
      '联系居民、整合资源、化解矛盾、提升服务质量',
    ],
    ['a suffix making properties, items of different lengths', '着力提高政策的针对性、有效性、可持续性，让群众得实惠。', '针对性、有效性、可持续性'],
    ['a suffix making processes, items of different lengths', '加快推进城市绿色化、产业数字化、公共服务便利化进程。', '城市绿色化、产业数字化、公共服务便利化'],
    ['和 joins a last item that shares the tail', '统筹推进思想建设、组织建设、作风建设和纪律建设，全面提高党建质量。', '思想建设、组织建设、作风建设'],
    ['和 joins a last item that shares the head', '党员干部要做到为民谋利、为民办事、为民解忧和为民造福。', '为民谋利、为民办事、为民解忧'],
    ['等 after items that repeat a word at their head', '各支部通过线上课堂、线上答疑、线上测评等形式组织学习。', '线上课堂、线上答疑、线上测评'],
    ['等 after items that repeat a word at their tail', '要着力纠治开会过多、发文过多、检查过多等问题。', '开会过多、发文过多、检查过多'],
    [
      'a series inside a quoted saying of several clauses',
      '大家牢记“敢于担当、勇于作为，做到不畏难、不退缩、不懈怠”的嘱托，干在实处。',
      '不畏难、不退缩、不懈怠',
    ],
  ])('%s', (_name, text, series) => {
    expect(parallelsOf(text)).toContain(series);
  });

  test.each([
    ['等 after plain items with nothing in common (an open list of examples)', '园区重点支持智能制造、生物医药、新型材料等产业落户。'],
    ['等 after two-character items sharing one character', '不少人认为有钱、有车、有房等才算过得好。'],
    ['和 joins an item of another shape', '新学期要安排理论学习、实践锻炼、岗位练兵和必要的考试。'],
    ['names of kinds sharing one last character, items of different lengths', '企业应依法缴纳消费税、土地增值税、资源税。'],
    ['bodies sharing their name’s tail', '支持中心实验室、联合实验室、重点实验室开放共享设备。'],
    ['names with a title', '会上，张建华教授、李明辉教授、王志强教授分别作了报告。'],
    ['a quoted formulation that is the series itself is a formulation only', '各村开展“比学习、比服务、比贡献”活动，效果很好。'],
  ])('not a series: %s', (_name, text) => {
    expect(parallelsOf(text)).toEqual([]);
  });
});
