/**
 * Leads on articles never seen (issue 12): tables per family in prose written
 * for these tests — realistic policy-article paragraphs of varied length and
 * punctuation, never taken from an article. Each family has texts where the
 * series must be found and look-alikes where nothing may be.
 */
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../../scripts/analyze';
import { analyze } from '../../../lib/analysis/index';
import { itemsOf } from './helpers';

const leadsOf = (text: string): string[] => itemsOf(text, 'lead').map((l) => l.text);
/** First eight characters of each lead, opening dashes set aside (LABELING.md's scoring). */
const heads = (leads: readonly string[]): string[] => leads.map((l) => l.replace(/\s/g, '').replace(/^[—\-–]+/, '').slice(0, 8));

/** Body paragraphs of different lengths, so no rule can lean on one body's shape. */
const BODIES = [
  '近年来，我们坚持把群众满意作为检验工作的标准，围绕办事难、办事慢等突出问题，推出了一批便民利民举措，基层反映普遍较好。',
  '只有把责任落到具体岗位、具体人头上，工作才能见到实效。各单位要对照任务清单逐项推进，定期调度，发现问题及时整改。',
  '这项工作涉及面广、政策性强，需要有关部门密切配合、形成合力。要建立健全沟通协调机制，防止推诿扯皮，切实提高工作效率。',
  '从调研情况看，一些地方还存在思想认识不到位、工作措施不够实、监督检查不够严等问题，必须引起高度重视，认真加以解决。',
  '下一步，要在总结经验的基础上，进一步完善制度设计，把行之有效的做法固定下来、推广开来，形成长效机制。',
  '广大党员干部要发挥先锋模范作用，带头学、带头干，以实际行动带动身边群众，共同把各项任务落到实处。',
  '去年以来，全县新建改建农村公路一百二十公里，实现了具备条件的自然村通硬化路，群众出行条件明显改善。',
  '各乡镇结合自身实际，因地制宜发展特色产业，有的种茶，有的养蜂，有的搞乡村旅游，集体经济收入稳步增长。',
  '面对新情况新问题，有的干部习惯于老办法，遇到矛盾绕着走，这种状况必须尽快改变，否则就会贻误发展时机。',
  '群众的事无小事。对群众反映强烈的问题，要建立台账、限时办结，办理结果及时向群众反馈，接受群众评议。',
  '政策的生命力在于执行。再好的规划，如果不抓落实，也只能是纸上谈兵，必须拿出抓铁有痕、踏石留印的劲头。',
  '人才是第一资源，要完善引才育才用才留才的政策体系，让各类人才在基层留得住、干得好、有奔头。',
  '安全生产这根弦任何时候都不能松，要压紧压实企业主体责任和部门监管责任，坚决遏制重特大事故发生。',
  '回顾这些年的历程，成绩来之不易，经验弥足珍贵，最根本的是始终坚持党的领导，始终坚持人民至上。',
];
const body = (i: number): string => BODIES[i % BODIES.length]!;

/** A title line (the first short line of a text is its title) over lines each followed by `perLead` body paragraphs. */
function sections(lines: readonly string[], perLead = 1): string {
  let k = 0;
  return ['在新的起点上奋力前行', ...lines.map((l) => [l, ...Array.from({ length: perLead }, () => body(k++))].join('\n'))].join('\n');
}

/** Paragraphs, each opening with `opener` and going on with a body. */
function opened(openers: readonly string[], join = ''): string {
  return openers.map((o, i) => `${o}${join}${body(i)}`).join('\n');
}

describe('leads unseen: standalone short lines in a series', () => {
  test.each([
    ['two dash lines with 。', ['——民生是最大的政治。', '——作风是无声的号令。']],
    ['three dash lines without 。', ['——把牢正确方向', '——激发内生动力', '——守住安全底线']],
    ['dash lines, half-width dashes', ['--把牢正确方向', '--激发内生动力', '--守住安全底线']],
    ['two plain subheads of a section each (bold in HTML, markup gone)', ['全力稳住经济基本盘', '持续增进民生福祉']],
    ['three plain subheads with long sections', ['以党建引领激活治理末梢', '以数字赋能提升服务效率', '以制度创新破解发展难题']],
    ['questions 为何…？ / 如何…？', ['为何要下这么大的功夫？', '难点究竟在哪里？', '下一步如何走？']],
    ['two questions', ['乡村振兴为何要靠人才？', '人才怎样才能留得住？']],
    ['four-plus-four couplets', ['守正创新，勇毅前行', '凝心聚力，攻坚克难', '真抓实干，久久为功']],
    ['couplets with a space instead of a comma', ['守正创新 勇毅前行', '凝心聚力 攻坚克难']],
    ['couplets with a half-width comma and 。', ['守正创新,勇毅前行。', '凝心聚力,攻坚克难。']],
    ['subheads with a cry', ['撸起袖子加油干！', '扑下身子抓落实！', '甩开膀子促发展！']],
  ])('%s', (_name, lines) => {
    for (const perLead of [1, 4]) {
      expect(heads(leadsOf(sections(lines, perLead)))).toEqual(heads(lines));
    }
  });

  test.each([
    ['Markdown headings of one level', ['## 坚持人民至上', '## 坚持系统观念', '## 坚持问题导向']],
    ['Markdown headings, two only', ['### 建强组织体系', '### 激活党员队伍']],
    ['bold lines', ['**聚焦主责主业**', '**深化作风建设**']],
    ['bold question lines', ['**难在哪里？**', '**怎么破题？**']],
  ])('marked up: %s', (_name, lines) => {
    expect(heads(leadsOf(sections(lines, 3)))).toEqual(heads(lines.map((l) => l.replace(/[#*\s]/g, ''))));
  });

  test.each([
    ['<strong> lines in <p>', ['筑牢安全发展防线', '激活创新发展引擎', '厚植绿色发展底色'], (l: string) => `<p><strong>${l}</strong></p>`],
    ['<h3> subheads', ['夯实基层基础', '补齐民生短板'], (l: string) => `<h3>${l}</h3>`],
    ['<b> dash lines', ['——发展是第一要务。', '——人才是第一资源。', '——创新是第一动力。'], (l: string) => `<p><b>${l}</b></p>`],
  ])('from HTML: %s', (_name, lines, wrap) => {
    let k = 0;
    const html = `<html><head><title>奋力谱写高质量发展新篇章</title></head><body><article><h1>奋力谱写高质量发展新篇章</h1>${lines
      .map((l) => `${wrap(l)}${[0, 1, 2].map(() => `<p>${body(k++)}</p>`).join('')}`)
      .join('')}</article></body></html>`;
    const input = extractHtml(html);
    const leads = analyze({ ...input, force: true }).items.filter((i) => i.kind === 'lead').map((i) => i.text);
    expect(heads(leads)).toEqual(heads(lines));
  });
});

describe('leads unseen: anaphora and shared frames', () => {
  test.each([
    ['我们坚信 × 3, sentences of different lengths', ['我们坚信，中国人民一定能够创造新的更大奇迹。', '我们坚信，前进道路上没有任何困难能够阻挡我们。', '我们坚信，团结奋斗是中国人民创造历史伟业的必由之路，也是走向未来的必由之路。']],
    ['我们坚信 without a comma', ['我们坚信中国的明天一定会更加美好。', '我们坚信改革开放的步伐不会停止。', '我们坚信人民群众是真正的英雄，是历史的创造者。']],
    ['short standalone sentences opening with the same words', ['这是一份沉甸甸的答卷。', '这是一份群众满意的答卷。', '这是一份催人奋进的答卷。']],
    ['the same opening words, long varied sentences', ['必须坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标', '必须坚持深化改革开放，不断破除制约高质量发展的体制机制障碍', '必须坚持发扬斗争精神，增强忧患意识']],
    ['a shared frame with a varying middle', ['要把保障和改善民生摆在更加突出的位置，', '要把生态环境保护摆在更加突出的位置，', '要把防范化解重大风险摆在更加突出的位置，']],
    ['a shared frame, a varying middle, 。', ['把科技自立自强作为战略支撑。', '把扩大内需作为战略基点。', '把乡村振兴作为重中之重。']],
    ['a target-year frame with a different year form', ['到2025年，全市村庄面貌焕然一新', '到2030年，城乡之间的差距进一步缩小', '到2035年，基本实现农业农村现代化']],
    ['an opening clause of praise repeated', ['这是信念的力量，', '这是担当的力量，', '这是团结的力量，']],
  ])('%s', (_name, openers) => {
    expect(heads(leadsOf(opened(openers)))).toEqual(heads(openers));
  });

  test('anaphora among other paragraphs of a speech', () => {
    const text = [
      body(0),
      '我们坚信，只要紧紧依靠人民，就没有战胜不了的困难。',
      body(1),
      '我们坚信，改革开放的路子走对了，就要坚定不移走下去。',
      body(2),
      '我们坚信，中华民族伟大复兴的光明前景一定能够实现。',
      body(3),
    ].join('\n');
    expect(heads(leadsOf(text))).toEqual(['我们坚信，只要紧', '我们坚信，改革开', '我们坚信，中华民']);
  });
});

describe('leads unseen: repeats that are not leads', () => {
  test.each([
    ['dates with a year', ['2024年3月5日，调研组来到县里', '2024年3月6日，调研组走访了三个村', '2024年3月7日，调研组召开座谈会']],
    ['dates in Chinese numerals', ['三月五日上午，代表们分组审议', '三月六日上午，代表们继续审议', '三月七日上午，代表们举行全体会议']],
    ['places of an event', ['在城东社区，志愿者们正在清扫街道', '在城西社区，志愿者们忙着入户走访', '在城南社区，志愿者们组织了义诊活动']],
    ['places with 在…里/走进', ['走进红星村，干净整洁的村道映入眼帘', '走进向阳村，一排排新房整齐排列', '走进光明村，村民们正忙着采摘']],
    ['names', ['张建国是村里的老支书，', '张建国还记得那年的洪水，', '张建国常说一句话，']],
    ['names with a title', ['王书记来到田间地头，', '王书记又来到合作社，', '王书记最后来到养殖场，']],
    ['据 sources', ['据了解，该项目总投资五亿元', '据了解，今年已新建道路十公里', '据了解，全县已完成改造任务']],
    ['据 sources, another verb', ['据介绍，全市已建成服务站二百个', '据介绍，各站点配备了专职人员', '据介绍，明年还将新建一批站点']],
    ['reporters', ['记者从市发改委获悉，', '记者从市教育局获悉，', '记者从市卫健委获悉，']],
    ['connectives 此外', ['此外，还要加强对基层的指导', '此外，还要做好政策宣传工作', '此外，还要建立定期通报制度']],
    ['connectives 与此同时/另一方面', ['与此同时，各地也在积极探索', '与此同时，相关配套政策陆续出台', '与此同时，社会资本参与热情高涨']],
    ['connectives 不仅如此', ['不仅如此，村里还建起了文化广场', '不仅如此，合作社还带动了周边农户', '不仅如此，村民的收入也明显提高']],
    ['speakers’ turns with 说', ['老党员刘大爷说，', '返乡青年小陈说，', '驻村第一书记老周说，']],
    ['speakers’ turns with 告诉记者', ['村民李红梅告诉记者，', '合作社负责人告诉记者，', '镇党委书记告诉记者，']],
    ['speakers’ turns with a colon', ['主持人：请您谈谈这项改革的背景。', '嘉宾：这项改革酝酿已久。', '主持人：改革的难点在哪里？']],
    ['narration in order', ['第一组选手，展示了社区治理的做法', '第二组选手，介绍了乡村振兴的经验', '第三组选手，分享了党建引领的案例']],
    ['narration in order with 第X个', ['第一个发言的是老党员王大爷', '第二个发言的是年轻的大学生村官', '第三个发言的是合作社的负责人']],
    ['a timeline', ['当天上午，与会人员参观了展厅', '当天下午，与会人员进行了分组讨论', '当天晚上，与会人员观看了文艺演出']],
    ['a timeline in hours', ['上午九时，会议正式开始', '上午十时，代表们进行分组讨论', '下午三时，会议举行闭幕式']],
  ])('%s', (_name, openers) => {
    expect(leadsOf(opened(openers))).toEqual([]);
  });

  test.each([
    ['rows of a table', ['| 序号 | 事项 | 责任单位 |', '| 一 | 道路硬化 | 交通局 |', '| 二 | 饮水安全 | 水利局 |']],
    ['tab-separated rows', ['道路硬化\t交通局\t六月底', '饮水安全\t水利局\t九月底', '危房改造\t住建局\t年底前']],
    ['labels with full-width colons', ['会议时间：三月十日', '会议地点：县委礼堂', '参会人员：全体党员']],
    ['bylines and sources', ['来源：县融媒体中心', '责任编辑：张明', '审核：李强']],
    ['captions', ['图为志愿者在社区服务', '图为村民在采摘茶叶', '图为工人在检修设备']],
    ['names of speakers as lines', ['张建国（县委书记）', '李红梅（镇长）', '王大明（村支书）']],
    ['a photo credit line', ['本报记者 王明 摄', '新华社记者 李华 摄', '通讯员 张强 摄']],
  ])('short lines that are not subheads: %s', (_name, lines) => {
    expect(leadsOf(sections(lines, 1))).toEqual([]);
  });

  test('a title and one subhead are not a series', () => {
    expect(leadsOf(['坚持把群众满意作为标准', body(0), '全面推进乡村振兴', body(1), body(2)].join('\n'))).toEqual([]);
  });

  test('paragraphs of an enumerated list are directives, not leads', () => {
    const text = opened(['一是坚持规划引领，', '二是坚持项目带动，', '三是坚持改革驱动，']);
    expect(leadsOf(text)).toEqual([]);
    expect(itemsOf(text, 'directive')).toHaveLength(3);
  });
});
