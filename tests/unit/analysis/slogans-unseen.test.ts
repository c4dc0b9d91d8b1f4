/**
 * Slogans (提法) on articles never seen (issue 12): tables in sentences written
 * for these tests. The numbered formulations include invented ones (五个坚持,
 * 三亮三比, 两个不变…) so that the shape rule is tested, not a list; the
 * look-alikes are counts, quoted speech, titles and ordinary quoted words.
 */
import { describe, expect, test } from 'vitest';
import { itemsOf } from './helpers';

const slogansOf = (text: string): string[] => [...new Set(itemsOf(text, 'slogan').map((s) => s.text))];

describe('slogans unseen: quoted formulations', () => {
  test.each([
    ['a campaign name in “ ”', '全县深入开展“作风建设提升年”活动，推动干部转变作风。', '作风建设提升年'],
    ['a method named after a place', '坚持和发展新时代“枫桥经验”，把矛盾化解在基层。', '枫桥经验'],
    ['a reform nickname of three characters', '持续深化“放管服”改革，优化营商环境。', '放管服'],
    ['a service motto', '推行“马上就办、办就办好”工作作风。', '马上就办、办就办好'],
    ['a four-plus-four motto with a comma', '牢记“守土有责，守土尽责”的要求。', '守土有责，守土尽责'],
    ['parallel clauses joined by 、', '实现“小事不出村、大事不出镇、矛盾不上交”。', '小事不出村、大事不出镇、矛盾不上交'],
    ['corner quotes', '把「一线工作法」落到实处。', '一线工作法'],
    ['half-width spaces inside', '推进“ 清单制+责任制 ”管理。', '清单制+责任制'],
    ['a quoted formulation followed by 。 inside the quotes', '大家喊出了“决战决胜，不负人民！”。', '决战决胜，不负人民'],
    ['quotes inside quotes', '他介绍：“村里推行‘积分超市’以后，大家的积极性高了。”', '积分超市'],
    ['a numbered formulation in quotes', '把“四个意识”落实到每一项工作中。', '四个意识'],
    ['an invented numbered formulation in quotes', '落实“五个坚持”的工作要求。', '五个坚持'],
  ])('%s', (_name, text, slogan) => {
    expect(slogansOf(text)).toContain(slogan);
  });
});

describe('slogans unseen: numbered formulations without quotes', () => {
  test.each([
    ['N个 + a word, invented', '各级干部要做到五个坚持，始终把群众放在心上。', '五个坚持'],
    ['N个 + a verb', '在工作中坚持两个不变，即政策不变、力度不变。', '两个不变'],
    ['N个 + an adverb-like word', '要落实三个一律的纪律要求。', '三个一律'],
    ['N个 + 必须', '深刻领悟六个必须的丰富内涵。', '六个必须'],
    ['N字N字, invented', '在窗口单位开展三亮三比活动。', '三亮三比'],
    ['N字N字 with 四', '深入推进四讲四有合格党员建设。', '四讲四有'],
    ['N字N字 with 两', '持续巩固两减两增工作成果。', '两减两增'],
    ['N大 + a word', '着力筑牢三大屏障，守护一方安宁。', '三大屏障'],
    ['a plan name, a later one', '谋划好十五五时期的发展思路。', '十五五'],
    ['a known formulation unquoted', '坚决做到两个维护，增强四个意识。', '两个维护'],
  ])('%s', (_name, text, slogan) => {
    expect(slogansOf(text)).toContain(slogan);
  });
});

describe('slogans unseen: what is not a formulation', () => {
  test.each([
    ['quoted speech after a colon', '老党员笑着说：“日子越过越红火了！”'],
    ['quoted speech without an end mark', '他对记者说：“这条路修好了，出门方便多了”'],
    ['quoted speech of one clause after 说', '村民们都说“这个书记靠得住”'],
    ['quoted speech with a question', '有人问：“这样做能行吗？”'],
    ['a film title in quotes', '组织党员观看电影“焦裕禄”，接受精神洗礼。'],
    ['a book title in 《》', '认真学习《论党的自我革命》等著作。'],
    ['a song title after 歌曲', '合唱团演唱了歌曲“我和我的祖国”。'],
    ['a programme or column name', '报社开设“走基层”专栏，刊发系列报道。'],
    ['a scare-quoted single character', '让理论学习“活”起来、“热”起来。'],
    ['a holiday in quotes', '在“五一”前夕开展安全检查。'],
    ['commemorative days in quotes', '借“世界读书日”“全民国家安全教育日”和“国际志愿者日”开展宣传。'],
    ['a quoted date', '会议定于“3月15日”召开。'],
    ['a quoted figure with a unit', '全年增长“6%”左右。'],
    ['a long quoted passage', '文件写道“各地区各部门要结合实际认真贯彻执行并及时报告执行中遇到的问题和情况”'],
  ])('%s', (_name, text) => {
    expect(slogansOf(text)).toEqual([]);
  });

  test.each([
    ['N个 + a place word', '全县五个乡镇都建起了便民服务中心。'],
    ['N个 + a body', '由三个部门联合开展检查，两个班子成员带队。'],
    ['N个 + characters', '这三个字重若千钧，值得每个人深思。'],
    ['N个 + cases', '会上通报了四个案例，剖析了两个典型。'],
    ['N个 + times and people', '用了两个星期，走访了三个家庭，见到了五个孩子。'],
    ['N个 + villages and groups', '全镇七个村分成三个小组，每组五个人。'],
    ['N大 + continents', '产品远销五大洲四十多个国家。'],
    ['N大 + parts', '报告分为三大部分，涉及四大领域。'],
    ['N字N字 that is a measure pattern', '每天三餐三顿按时吃，一年一次体检。'],
    ['number idioms', '群众七嘴八舌地议论，大家三三两两地散去，心里七上八下。'],
    ['congress and session numbers', '党的二十届二中全会，县十七届人大五次会议。'],
    ['a count with 多', '这项工作持续了两个多月，覆盖三个多县。'],
    ['rank of a list', '排名前三个的单位受到表扬。'],
  ])('counts and look-alikes: %s', (_name, text) => {
    expect(slogansOf(text)).toEqual([]);
  });
});
