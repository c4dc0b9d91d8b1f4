import { describe, expect, test } from 'vitest';
import { itemsOf } from './helpers';

const leadsOf = (text: string): string[] => itemsOf(text, 'lead').map((l) => l.text);
const parallelsOf = (text: string): string[] => itemsOf(text, 'parallel').map((p) => p.text);
const BODY = '这是段落的正文内容，围绕这一要求展开具体论述，提出工作措施和要求。';

describe('leads: parallel paragraph openers', () => {
  test.each([
    [
      'the same frame 要把……摆在更加突出的位置',
      ['要把围绕中心、服务大局摆在更加突出的位置。', '要把抓好基层、打好基础摆在更加突出的位置。', '要把改进作风、服务群众摆在更加突出的位置。'],
    ],
    ['the same opening words', ['国家战略腹地为何建？', '国家战略腹地建在哪？', '国家战略腹地如何建？']],
    ['opening couplets', ['新征程催人奋进，新使命激荡人心。', '逐梦惟笃行，奋进正当时。', '众智谋事必明，众力举事必成。']],
    ['dash leads', ['——八项规定影响深远。', '——三严三实贵在常态。']],
  ])('%s', (_name, openers) => {
    const text = openers.map((o) => `${o}${BODY}`).join('\n');
    expect(leadsOf(text)).toEqual(openers.map((o) => o.replace(/^——/, '')));
  });

  test.each([
    [
      'a subject + 要 in three paragraphs in a row, however long the sentence',
      ['湖北省和武汉市要全面加强疫情防控，', '北京市要按照“外防输入、内防扩散”策略，', '全国其他地区要以县域为单位，'],
    ],
    ['a subject + 必须', ['各级党委必须扛起主体责任，', '各级政府必须落实属地责任，', '各有关部门必须履行监管职责，']],
  ])('modal frame: %s', (_name, openers) => {
    const text = openers.map((o) => `${o}${BODY}${BODY}`).join('\n');
    expect(leadsOf(text)).toEqual(openers.map((o) => o.slice(0, -1)));
  });

  test('balanced heading lines of their own (Markdown bold set aside)', () => {
    const text = `**铭记历史，汲取信仰的力量**\n${BODY}\n**牢记使命，感悟实践的真理**\n${BODY}`;
    expect(leadsOf(text)).toEqual(['铭记历史，汲取信仰的力量', '牢记使命，感悟实践的真理']);
  });

  test.each([
    ['one paragraph alone', `要把围绕中心摆在更加突出的位置。${BODY}`],
    ['unbalanced section heads', `坚定中国特色社会主义制度自信，从三方面论述\n${BODY}\n贯彻落实十九届四中全会精神，抓好3件事\n${BODY}`],
    ['long openers sharing a subject', `习近平在文章中指出，${BODY}${BODY}\n习近平在文章中说，${BODY}${BODY}\n习近平在文章中要求，${BODY}${BODY}`],
    ['single-sentence paragraphs of a law', '监察机关进行搜查时，可以提请公安机关配合。\n监察机关采取留置措施，可以提请公安机关配合。\n监察机关应当保障被留置人员的安全。'],
    ['enumerated headings are directives, not leads', `（一）加强领导\n${BODY}\n（二）完善机制\n${BODY}`],
    ['editor credits', '文字编辑：司晋丽\n新媒体编辑：杨明珠'],
    ['subject + 要 in only two paragraphs in a row', `湖北省要加强防控，${BODY}\n北京市要按照策略，${BODY}\n${BODY}\n全国其他地区要以县域为单位，${BODY}`],
    ['要 inside a word (主要, 需要, 要求)', `会议的主要任务是，${BODY}\n我们需要认真研究，${BODY}\n上级要求各单位，${BODY}`],
    ['a law\'s 应当 rules', `监察机关应当严格按照程序开展工作，${BODY}\n调查人员应当依法文明规范开展调查工作，${BODY}\n被调查人应当如实供述，${BODY}`],
    [
      'lines of a hard-wrapped essay (the line after an open line continues a sentence)',
      [
        '我们的任务是把那种积极向上的心情和热情都保存下来而不是把那种积极',
        '的感情引出歧途，导入正确的方向。如果我们在否定这场运动的同时也连带着否定了那',
        '在任何集体行动中共同利益都是一个不可缺少的重要因素而且我们知道没',
        '有共同的利益，就没有共同的行动。哪一部份人的共同利益越多那么哪一部份人的集',
        '哪一部份人对共同利益的自我意识越强那么哪一部份人就越会投入到他们',
        '的集体行动里去，这样的可能性越高。在争取思想自由的斗争中知识份子的参与程度往',
      ].join('\n'),
    ],
  ])('not leads: %s', (_name, text) => {
    expect(leadsOf(text)).toEqual([]);
  });
});

describe('parallels: series of short items', () => {
  test.each([
    ['governing verb and trailing words trimmed', '开展听民意、解民忧、排民难的各项活动。', '听民意、解民忧、排民难'],
    ['a shared first character', '要通过比作风、比本领、比服务、比奉献的各种活动。', '比作风、比本领、比服务、比奉献'],
    ['a shared last word', '增强党员意识、大局意识、责任意识、服务意识，开展调研。', '党员意识、大局意识、责任意识、服务意识'],
    ['equal four-character items', '坚持统筹协调、持续推进、立足实际、创新载体，开展活动。', '统筹协调、持续推进、立足实际、创新载体'],
    ['a shared last character of two-character items', '要建好、管好、用好活动经费。', '建好、管好、用好'],
    ['clauses separated by ， with shared openings', '宽松是一种肯定，一种被允许，一种赏识，宽松是引导的必要环境。', '一种肯定，一种被允许，一种赏识'],
    ['的 at one place in every item', '把握国家治理方面走过的道路、积累的经验、形成的原则，不能照抄照搬。', '走过的道路、积累的经验、形成的原则'],
    ['的 in the items and a shared tail', '尊重未成年人的物质需要的权利、精神需求的权利、感情需求的权利；尊重差异。', '物质需要的权利、精神需求的权利、感情需求的权利'],
    ['five-character items sharing a character at one place', '推动中国电影走进新时代、迈上新台阶、开创新局面。', '走进新时代、迈上新台阶、开创新局面'],
    ['numerals at one place', '要凝聚一种精神、把握两个特征、增强三大动力，推动发展。', '凝聚一种精神、把握两个特征、增强三大动力'],
    [
      'clauses without the outer ones that break the shape',
      '营造宽松的心理环境，允许个性的张扬，允许权利的捍卫，允许爱好的发展，允许孩子自主的选择。',
      '允许个性的张扬，允许权利的捍卫，允许爱好的发展',
    ],
  ])('%s', (_name, text, series) => {
    expect(parallelsOf(text)).toContain(series);
  });

  test.each([
    ['only two items', '做到真正吃透、学懂理论。'],
    ['a list of names of different lengths', '参加的有程兰、王丽华、欧阳李盛。'],
    ['a list of places', '涉及浙江省、广东省、黑龙江省。'],
    ['ordinary clauses', '今天天气很好，我们去了公园，玩得非常开心，回家很晚。'],
    ['a series that is a quoted formulation', '实施“严格管控、外防输出、内防扩散”策略。'],
    ['a list of examples closed by 等', '将博物馆、展览馆、纪念地等资源串珠成链。'],
    ['a list of examples closed by an ellipsis', '施滉、张甲洲、杨学诚、蒋南翔……这些共产党员。'],
    ['a list joined by 和 at its end', '对其采取谈话提醒、批评教育、通报批评、责令检查和诫勉谈话措施。'],
    ['a stretch of a longer list', '考试科目有中药、中药性状鉴别、中药真伪鉴别、中药调剂技能、药事管理。'],
    ['names of kinds sharing one last character', '不得对控告人、检举人、证人进行报复。'],
    ['names of taxes of different lengths', '涉及企业所得税、房产税、城镇土地使用税、车船税、印花税5个税种。'],
    ['a guessed end that breaks the others\' shape', '服务基层、服务群众、让群众得实惠，是检验的标准。'],
    ['a guessed start does not straddle 的', '回顾老一辈清华人在革命年代的艰辛历程、追寻红色记忆、传承革命精神。'],
    ['的 at different places', '展览里，党的理论、革命历史、先进事迹，都融入其中。'],
    ['a shared purpose 来', '放在大局之中来思考、来谋划、来推进，主动作为。'],
    ['a shared determiner 本', '要自觉做好本区域、本行业、本单位创先争优活动的谋划。'],
    ['a law\'s condition closed by 的，', '对于监察人员打听案情、过问案件、说情干预的，应当及时报告。'],
  ])('not parallels: %s', (_name, text) => {
    expect(parallelsOf(text)).toEqual([]);
  });
});
