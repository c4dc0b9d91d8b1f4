/**
 * The vocabulary of policy and party texts, with weights, for policy.ts.
 * Weights (policy.ts caps what any one word may add or take): 3 = words that almost only occur when the Party or the state speaks
 * (党中央, 党支部, 国务院); 1 = the verbs and nouns of work arrangements
 * (贯彻, 落实, 部署, 机制); negative = the vocabulary of ordinary news,
 * business and science that policy texts rarely use. Matched in Simplified
 * characters (normalize.ts folds Traditional ones first).
 */
export const POLICY_TERMS: Readonly<Record<string, number>> = {
  党中央: 3, 党组织: 3, 党支部: 3, 党委: 3, 党组: 3, 党员: 3, 党建: 3, 党性: 3, 党史: 3, 中共: 3, 共产党: 3,
  总书记: 3, 习近平: 3, 新时代: 3, 中国特色社会主义: 3, 社会主义: 2, 马克思主义: 3, 创先争优: 3,
  从严治党: 3, 政协: 3, 全国人民代表大会: 3, 人大常委会: 3, 常务委员会: 2, 国务院: 3, 军委: 3, 纪检: 3, 监察: 2,
  思政: 3, 思想政治: 3, 初心: 3, 使命: 2, 爱国主义: 3, 红色: 2, 革命: 2, 以人民为中心: 3, 政治: 1,
  贯彻: 2, 落实: 2, 部署: 2, 坚持: 1, 推进: 1, 加强: 1, 深化: 1, 统筹: 1, 健全: 1, 完善: 1, 推动: 1,
  决议: 2, 决定: 1, 通告: 2, 通知: 1, 规定: 1, 条例: 2, 政策: 1, 措施: 1, 机制: 1, 制度: 1, 治理: 1,
  规划: 1, 各级: 2, 有关部门: 2, 人民政府: 2, 依法: 1, 本法: 2, 特此: 2, 精神: 1, 要求: 1, 高质量: 1,
  现代化: 1, 群众: 1, 干部: 2, 领导: 1, 战略: 1, 全面: 1, 协商: 1, 委员会: 1,
  中华民族: 2, 民族复兴: 3, 祖国: 1, 同志: 2, 奋斗: 1, 作风: 2, 形式主义: 3, 官僚主义: 3, 为民: 1,
  记者: -2, 报道: -1, 据悉: -2, 公司: -2, 企业: -1, 市场: -1, 比赛: -3, 球员: -3, 球迷: -3, 股: -1,
  网友: -2, 视频: -1, 科学家: -3, 消费者: -2, 产品: -2, 品牌: -1, 投资: -1, 美元: -2,
  合资: -3, 彩票: -3, 警方: -3, 法院: -1, 被告: -3, 宇航员: -3, 太空: -2, 留学生: -3,
  学者: -2, 论文: -2, 本文: -2, 文献: -2, 样本: -2, 变量: -3, 实证: -2, 在我看来: -2, 笔者: -1, 西方: -1,
};

/** Words in a title that name an official document or a political genre. */
export const POLICY_TITLE_TERMS: readonly string[] = [
  '决议', '决定', '通告', '通知', '意见', '规定', '条例', '办法', '公报', '讲话', '报告', '纲要', '规划', '方案',
  '监察法', '党', '政协', '人大', '习近平', '思政', '初心', '使命', '社论', '时评', '评论员', '短评', '述评',
];
