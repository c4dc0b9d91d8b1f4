import { describe, expect, test } from 'vitest';
import { itemsOf } from './helpers';

const leadsOf = (text: string): string[] => itemsOf(text, 'lead').map((l) => l.text);
const parallelsOf = (text: string): string[] => itemsOf(text, 'parallel').map((p) => p.text);
const BODY = '这是段落的正文内容，围绕这一要求展开具体论述，提出工作措施和要求。';

describe('leads: parallel paragraph openers', () => {
  test.each([
    [
      'the same frame 要把……摆在更加突出的位置',
      ['要把稳住就业、守住民生摆在更加突出的位置。', '要把整治环境、美化村容摆在更加突出的位置。', '要把培育人才、留住人才摆在更加突出的位置。'],
    ],
    ['the same opening words', ['城市更新为何要提速？', '城市更新从哪里入手？', '城市更新靠什么推进？']],
    ['opening couplets', ['春风催新绿，实干开新局。', '山高须攀登，路远要坚持。', '民心聚则事成，人心散则事败。']],
    ['dash leads', ['——节约办会蔚然成风。', '——为民服务贵在坚持。']],
  ])('%s', (_name, openers) => {
    const text = openers.map((o) => `${o}${BODY}`).join('\n');
    expect(leadsOf(text)).toEqual(openers.map((o) => o.replace(/^——/, '')));
  });

  test.each([
    [
      'a subject + 要 in three paragraphs in a row, however long the sentence',
      ['沿江各县要全面加强堤防巡查，', '山区各乡镇要按照“早预警、早转移”要求，', '城区各街道要以社区为单位，'],
    ],
    ['a subject + 必须', ['各级党委必须扛起主体责任，', '各级政府必须落实属地责任，', '各有关部门必须履行监管职责，']],
  ])('modal frame: %s', (_name, openers) => {
    const text = openers.map((o) => `${o}${BODY}${BODY}`).join('\n');
    expect(leadsOf(text)).toEqual(openers.map((o) => o.slice(0, -1)));
  });

  test('balanced heading lines of their own (Markdown bold set aside)', () => {
    const text = `**走进田野，读懂乡村的变化**\n${BODY}\n**扎根基层，练就为民的本领**\n${BODY}`;
    expect(leadsOf(text)).toEqual(['走进田野，读懂乡村的变化', '扎根基层，练就为民的本领']);
  });

  test.each([
    ['one paragraph alone', `要把稳住就业摆在更加突出的位置。${BODY}`],
    ['unbalanced section heads', `深化基层治理改革，从三个方面展开论述\n${BODY}\n推进乡村全面振兴工作，重点抓好3件事\n${BODY}`],
    ['long openers sharing a subject', `县长在讲话中指出，${BODY}${BODY}\n县长在讲话中说，${BODY}${BODY}\n县长在讲话中要求，${BODY}${BODY}`],
    ['single-sentence paragraphs of a law', '管理机构开展检查时，可以请求有关部门协助。\n管理机构实施封存措施，可以请求有关部门协助。\n管理机构应当保障当事人的合法权益。'],
    ['enumerated headings are directives, not leads', `（一）加强领导\n${BODY}\n（二）完善机制\n${BODY}`],
    ['editor credits', '文字编辑：王小明\n新媒体编辑：李小红'],
    ['subject + 要 in only two paragraphs in a row', `沿江各县要加强巡查，${BODY}\n山区各乡镇要按照要求，${BODY}\n${BODY}\n城区各街道要以社区为单位，${BODY}`],
    ['要 inside a word (主要, 需要, 要求)', `会议的主要任务是，${BODY}\n我们需要认真研究，${BODY}\n上级要求各单位，${BODY}`],
    ['a law\'s 应当 rules', `管理机构应当严格按照程序开展工作，${BODY}\n检查人员应当依法文明规范开展检查工作，${BODY}\n当事人应当如实说明情况，${BODY}`],
    [
      'lines of a hard-wrapped essay (the line after an open line continues a sentence)',
      [
        '我们讨论公共事务的时候常常忘记一个朴素的道理那就是制度的好坏最终要由',
        '生活在制度中的人来评判，而不是由设计制度的人自己说了算。如果一项规则只在',
        '纸面上运行而没有人真正遵守那么它再精巧也只是摆设，反过来说一项看似粗糙',
        '的安排只要得到大多数人的认同就能够长久地发挥作用。历史上许多改革的成败都与',
        '此有关，有的改革者急于求成忽视了人们接受新规则所需要的时间结果事与',
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
    ['的 at one place in every item', '总结乡村建设方面趟出的新路、摸索的办法、沉淀的规矩，不能生搬硬套。', '趟出的新路、摸索的办法、沉淀的规矩'],
    ['的 in the items and a shared tail', '尊重未成年人的物质需要的权利、精神需求的权利、感情需求的权利；尊重差异。', '物质需要的权利、精神需求的权利、感情需求的权利'],
    ['five-character items sharing a character at one place', '推动中国电影走进新时代、迈上新台阶、开创新局面。', '走进新时代、迈上新台阶、开创新局面'],
    ['numerals at one place', '要树立一种理念、守住两条底线、办好三件实事，推动发展。', '树立一种理念、守住两条底线、办好三件实事'],
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
    ['a list of names of different lengths', '参加的有孟川、谢玉琴、司马文博。'],
    ['a list of places', '涉及安徽省、甘肃省、黑龙江省。'],
    ['ordinary clauses', '今天天气很好，我们去了公园，玩得非常开心，回家很晚。'],
    ['a series that is a quoted formulation', '执行“分区管理、错峰出行、就近办理”方案。'],
    ['a list of examples closed by 等', '将博物馆、展览馆、纪念地等资源串珠成链。'],
    ['a list of examples closed by an ellipsis', '施滉、张甲洲、杨学诚、蒋南翔……这些共产党员。'],
    ['a list joined by 和 at its end', '对其采取口头警示、限期整改、公开通报、暂停资格和取消评优措施。'],
    ['a stretch of a longer list', '培训内容有茶叶、茶叶外形辨识、茶叶品质辨识、茶叶冲泡技能、门店管理。'],
    ['names of kinds sharing one last character', '不得对举报人、申诉人、证人进行刁难。'],
    ['names of taxes of different lengths', '涉及个人所得税、资源税、城市维护建设税、消费税、环保税5个税种。'],
    ['a guessed end that breaks the others\' shape', '服务基层、服务群众、让群众得实惠，是检验的标准。'],
    ['a guessed start does not straddle 的', '回顾老一辈清华人在革命年代的艰辛历程、追寻红色记忆、传承革命精神。'],
    ['的 at different places', '展览里，党的理论、革命历史、先进事迹，都融入其中。'],
    ['a shared purpose 来', '放在大局之中来思考、来谋划、来推进，主动作为。'],
    ['a shared determiner 本', '要自觉做好本区域、本行业、本单位创先争优活动的谋划。'],
    ['a law\'s condition closed by 的，', '对于工作人员泄露信息、私下收费、刁难群众的，应当严肃处理。'],
  ])('not parallels: %s', (_name, text) => {
    expect(parallelsOf(text)).toEqual([]);
  });
});
