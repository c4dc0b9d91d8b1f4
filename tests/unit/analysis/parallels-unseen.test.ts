/**
 * Parallel series on articles never seen (issue 12): tables per family in
 * policy prose written for these tests — series inside longer sentences, items
 * of 2–7 characters joined by 、 or ，, shared heads and tails, the governing
 * verb left out, 3–6 items, series followed by 的/等/和, full- and half-width
 * punctuation — and look-alikes that are no series: names of people, places,
 * organisations and products, open lists (…等), dates, numbers and lists of
 * things. No text is taken from an article. A found series matches the
 * expected one the way the scorer counts it (LABELING.md "Scoring"): one
 * contains the other and they differ by at most 4 characters.
 */
import { describe, expect, test } from 'vitest';
import { itemsOf } from './helpers';

const parallelsOf = (text: string): string[] => itemsOf(text, 'parallel').map((p) => p.text.replace(/\s/g, ''));

/** Whether one found series matches `series` by the scorer's containment rule. */
function finds(text: string, series: string): boolean {
  return parallelsOf(text).some((f) => (f.includes(series) || series.includes(f)) && Math.abs(f.length - series.length) <= 4);
}

/** One test per row: the text holds the series. */
function findsEach(rows: readonly (readonly [string, string, string])[]): void {
  test.each(rows)('%s', (_name, text, series) => {
    expect(finds(text, series), `${series} in ${JSON.stringify(parallelsOf(text))}`).toBe(true);
  });
}

/** One test per row: the text holds no series. */
function findsNoneEach(rows: readonly (readonly [string, string])[]): void {
  test.each(rows)('not a series: %s', (_name, text) => {
    expect(parallelsOf(text)).toEqual([]);
  });
}

describe('parallels unseen: series inside longer sentences', () => {
  findsEach([
    ['shared head, three-character items', '今年我们将围绕稳就业、稳投资、稳预期持续发力，推动全年目标顺利完成。', '稳就业、稳投资、稳预期'],
    ['shared tail of two characters', '要着眼长远，全面提升基层的治理能力、服务能力、应急能力，更好回应群众期待。', '治理能力、服务能力、应急能力'],
    ['shared head of one character, two-character items', '推动形成共建、共治、共享的社会治理格局，是这次改革的出发点。', '共建、共治、共享'],
    ['six-character items with a shared head and a shared place', '新一届班子坚持以质量为根本、以改革为动力、以创新为引领，谋划了今后五年的工作。', '以质量为根本、以改革为动力、以创新为引领'],
    ['a shared tail character over items of one length', '对河湖岸线，要坚持看好、守好、护好、修好，让一江清水长流。', '看好、守好、护好、修好'],
    ['numeral head: 一 at the start of every item', '政务大厅推行一窗受理、一网通办、一次办结，办事时间压缩了一半。', '一窗受理、一网通办、一次办结'],
    ['the series in the middle of a long sentence with another list after it', '在调研中我们发现，凡是抓班子、带队伍、强基础做得好的村，集体经济和公共服务都走在前面。', '抓班子、带队伍、强基础'],
    ['four-character items sharing their first two characters', '全区持续开展环境整治，做到垃圾分类、垃圾收运、垃圾处理全覆盖。', '垃圾分类、垃圾收运、垃圾处理'],
    ['items with 的 at one place', '我们要以更高的站位、更实的作风、更强的担当，把这件民生实事办好。', '更高的站位、更实的作风、更强的担当'],
    ['seven-character items sharing a head and a tail', '学习教育要在学懂上下功夫、在弄通上下功夫、在做实上下功夫，防止走过场。', '在学懂上下功夫、在弄通上下功夫、在做实上下功夫'],
  ]);
});

describe('parallels unseen: the governing verb left out', () => {
  findsEach([
    ['a verb on three objects sharing a place', '驻村干部深入农户访民情、聚民智、惠民生，一年跑遍了全村。', '访民情、聚民智、惠民生'],
    ['比 + a noun, the series right after the subject', '各窗口单位比作风、比效率、比服务，形成了你追我赶的氛围。', '比作风、比效率、比服务'],
    ['clauses with 上要 at one place', '对这项工作，思想上要重视，行动上要坚决，措施上要有力，绝不能敷衍了事。', '思想上要重视，行动上要坚决，措施上要有力'],
    ['short clauses beginning alike after a colon', '我们的要求很明确：守土有责，守土负责，守土尽责。', '守土有责，守土负责，守土尽责'],
    ['clauses beginning with 让', '深化“放管服”改革，让群众少跑腿，让数据多跑路，让服务更贴心，持续改善办事体验。', '让群众少跑腿，让数据多跑路，让服务更贴心'],
    ['clauses ending alike', '社区党委主动对接需求，用心服务居民，真情关爱居民，全力保障居民，赢得了口碑。', '用心服务居民，真情关爱居民，全力保障居民'],
  ]);
});

describe('parallels unseen: three to six items', () => {
  findsEach([
    ['four items sharing a tail', '全体党员要切实增强法治意识、服务意识、节约意识、安全意识，做到令行禁止。', '法治意识、服务意识、节约意识、安全意识'],
    ['five items sharing a head', '这次活动坚持送政策、送技术、送岗位、送资金、送温暖，受到群众欢迎。', '送政策、送技术、送岗位、送资金、送温暖'],
    ['six items sharing a tail', '要统筹抓好课程改进、教材改进、教法改进、评价改进、设施改进、管理改进，让学校越办越好。', '课程改进、教材改进、教法改进、评价改进、设施改进、管理改进'],
    ['four plain four-character items ending at punctuation', '新任干部一定要勤于学习、敢于担当、善于协调、严于律己，在岗位上经受锻炼。', '勤于学习、敢于担当、善于协调、严于律己'],
    ['three items sharing a two-character head', '市里将加快建设智慧交通、智慧医疗、智慧教育，让城市更聪明。', '智慧交通、智慧医疗、智慧教育'],
  ]);
});

describe('parallels unseen: series followed by 的, 等 and 和', () => {
  findsEach([
    ['followed by 的 and a noun', '各支部要营造比学习、比技能、比贡献的浓厚氛围，激发干事热情。', '比学习、比技能、比贡献'],
    ['followed by 等 after a repeated head', '工会组织开展送清凉、送温暖、送健康等活动，惠及职工三千余人。', '送清凉、送温暖、送健康'],
    ['followed by 和 + a fourth item of the shape', '不断增强群众的参与感、归属感、成就感和认同感，这是检验工作的标尺。', '参与感、归属感、成就感'],
    ['followed by 的 after items of two characters, a preposition before', '学校从德育、智育、体育的角度制定了评价办法。', '德育、智育、体育'],
  ]);
});

describe('parallels unseen: full-width and half-width punctuation', () => {
  findsEach([
    ['half-width commas between clauses beginning alike', '面对风险挑战,我们要敢于担当,敢于斗争,敢于胜利,交出合格答卷。', '敢于担当,敢于斗争,敢于胜利'],
    ['half-width comma after a 、-series', '要做到早发现、早报告、早处置,把风险化解在萌芽状态。', '早发现、早报告、早处置'],
    ['a series before a full-width semicolon', '下一步重点抓好三件事：强基础、补短板、增后劲；同时加强督促检查。', '强基础、补短板、增后劲'],
    ['a series closing a sentence with ！', '让我们携起手来，同心干、加油干、拼命干！', '同心干、加油干、拼命干'],
    ['Traditional characters, folded before reading', '要堅持穩中求進、以進促穩、先立後破，推動各項工作落地見效。', '穩中求進、以進促穩、先立後破'],
  ]);
});

describe('parallels unseen: not a series', () => {
  findsNoneEach([
    // People
    ['a list of three-character names', '获得表彰的优秀共产党员有王建军、刘晓梅、陈志远，大家向他们学习。'],
    ['names with 等 after them', '参加座谈的有周立平、吴海燕、孙国栋、郑文华等同志。'],
    ['names with titles of office', '会上，王书记、李县长、张局长先后讲了话。'],
    ['two-character names after a verb', '会议表彰了李明、张华、王强三位同志。'],
    // Places
    ['provinces sharing 省', '来自广东省、浙江省、江苏省的企业代表参加了洽谈。'],
    ['cities a team visited', '调研组先后赴杭州、宁波、温州、金华调研。'],
    ['towns sharing 镇', '项目覆盖城关镇、河口镇、青山镇，受益群众两万人。'],
    ['villages, clauses ending alike', '工作队先后走访了东湖村，西岭村，南山村，了解民情。'],
    // Organisations
    ['universities', '清华大学、北京大学、复旦大学的学者参加了研讨。'],
    ['banks', '中国银行、工商银行、建设银行均推出了专项贷款。'],
    ['bodies sharing 市 at their head', '由市发展改革委、市财政局、市住建局牵头，各区配合。'],
    ['companies closed by 等', '腾讯、阿里巴巴、百度等企业参与了平台建设。'],
    // Products and things
    ['an open list of crops closed by 等', '当地主要种植玉米、大豆、小麦、水稻等作物。'],
    ['an open list of things closed by ……', '展柜里陈列着书信、照片、奖章……每一件都有故事。'],
    ['things on a table', '会场摆放了鲜花、绿植、彩旗，气氛热烈。'],
    ['a list of goods', '超市里粮油、蔬菜、肉蛋供应充足，价格平稳。'],
    // Dates and numbers
    ['years', '2021年、2022年、2023年，全县粮食产量连续增长。'],
    ['months in Chinese numerals', '工程分别于三月、六月、九月完成三个阶段。'],
    ['quarters sharing head and tail', '第一季度、第二季度、第三季度分别完成投资十亿元。'],
    ['sums of money', '对获奖者分别奖励一千元、两千元、三千元。'],
    ['percentages', '三个指标分别增长12%、15%、18%。'],
    // Lists of nouns that are no unit
    ['plain four-character items closed by 等: examples of an open list', '坚决纠治推诿扯皮、敷衍塞责、弄虚作假等作风问题，让干部群众看到变化。'],
    ['an open list of sectors', '支持电子信息、轻工纺织、生物医药、新材料等产业集群发展。'],
    ['kinds of systems sharing one last character, different lengths', '企业应当依法缴纳增值税、消费税、城市维护建设税。'],
    ['narration in clauses of one length', '那天早上，他推开房门，看见院里有人，急忙走了出去。'],
  ]);
});

describe('parallels unseen: items joined by ， where 、 would do', () => {
  findsEach([
    ['tails alike after the governing verb, half-width commas', '坚持问题导向,目标导向,结果导向,推动整改落到实处。', '问题导向,目标导向,结果导向'],
    ['tails alike after the governing verb, full-width commas', '要强化责任意识，服务意识，担当意识，做人民满意的公务员。', '责任意识，服务意识，担当意识'],
    ['clauses ending alike, of one length', '这既是发展问题，也是民生问题，更是政治问题，必须抓紧抓好。', '既是发展问题，也是民生问题，更是政治问题'],
    ['clauses sharing 上 at one place, five items', '对青年干部，要政治上关心，思想上引导，工作上支持，生活上照顾，能力上培养。', '思想上引导，工作上支持，生活上照顾，能力上培养'],
  ]);
});

describe('parallels unseen: more shapes of one unit', () => {
  findsEach([
    ['three-character items sharing a one-character tail, after 的', '争做安全生产的明白人、带头人、守门人。', '明白人、带头人、守门人'],
    ['plain three-character roles after 的', '青年要争当改革的促进派、实干家、奋斗者，在奋斗中成长。', '促进派、实干家、奋斗者'],
    ['有 + a noun before 的', '培养有理想、有本领、有担当的时代新人是学校的根本任务。', '有理想、有本领、有担当'],
    ['a last item one character longer, its end at punctuation', '数字经济已成为本地的最强引擎、最大亮点、最优赛道区。', '最强引擎、最大亮点、最优赛道区'],
    ['four-character items with 以 at the head', '学校坚持以文化人、以文育人、以文培元，办出了特色。', '以文化人、以文育人、以文培元'],
    ['不 + a verb phrase', '对群众的诉求，要做到不推、不拖、不等、不靠，件件有回音。', '不推、不拖、不等、不靠'],
    ['clauses beginning with 把 and ending with 起来', '要把制度建起来，把机制立起来，把责任扛起来，确保工作有序推进。', '把制度建起来，把机制立起来，把责任扛起来'],
  ]);
  test('the last item keeps its whole word where the run ends one character after the others', () => {
    expect(parallelsOf('数字经济已成为本地的最强引擎、最大亮点、最优赛道区。')).toEqual(['最强引擎、最大亮点、最优赛道区']);
  });
});

describe('parallels unseen: lists that are no series', () => {
  findsNoneEach([
    ['surnames with a title', '会上，张教授、李教授、王教授分别作了发言。'],
    ['bodies of one level without a shared tail', '省委、省政府、省人大有关负责同志出席会议。'],
    ['bodies of a city, three characters each', '活动由团市委、市妇联、市科协联合主办。'],
    ['days of the week', '窗口在周一、周三、周五延时服务到晚上八点。'],
    ['prizes by rank', '比赛共评出一等奖、二等奖、三等奖若干名。'],
    ['numbered batches', '第一批、第二批、第三批试点单位已全部验收。'],
    ['members of a committee by office', '会议选举产生了组长、副组长、组员。'],
    ['times of day', '上午、中午、下午各安排一场培训。'],
    ['an open list ending in 等等', '支持养老、托育、家政等等服务业态发展。'],
    ['seasons', '春季、夏季、秋季分别组织一次应急演练。'],
    ['bodies of a county closed by 等 after a repeated head', '县委办、县政府办、县财政局等单位派员参加。'],
  ]);
});
