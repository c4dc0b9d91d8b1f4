/**
 * Word lists for slogans.ts (formulations, 提法). Shapes find most numbered
 * formulations; these lists add the common ones a shape cannot tell from
 * ordinary words, and remove the look-alikes a shape lets through.
 */

/** Numbered formulations recognised without quote marks even where no shape rule finds them. */
export const KNOWN_FORMULATIONS: readonly string[] = [
  '四个全面', '四个意识', '四个自信', '两个维护', '两个确立', '两个大局', '三个代表', '两个一百年', '五位一体',
  '四个一批', '两学一做', '三严三实', '四风', '八项规定', '中央八项规定', '一带一路', '一岗双责', '三会一课',
  '两新组织', '六稳', '六保', '三农', '三去一降一补', '五险一金', '三重一大', '两不愁三保障', '一国两制',
];

/**
 * Holiday names: numbered, but not formulations (七一, 五四). Commemorative
 * days (国际…日, 世界…日, 全民…日, …纪念日) are told by their shape in slogans.ts.
 */
export const HOLIDAYS: readonly string[] = [
  '七一', '八一', '五一', '五四', '六一', '十一', '三八', '国庆', '春节', '元旦', '清明', '端午', '中秋',
];

/**
 * Nouns that make N个/N大/N件 + noun a plain count (三个方面, 两大部分), not a
 * formulation (两个大局, 两大奇迹).
 */
export const COUNT_NOUNS: readonly string[] = [
  '方面', '阶段', '部分', '关键', '城区', '郊区', '小时', '星期', '月份', '年级', '国家', '地区', '省份', '城市',
  '问题', '环节', '层面', '领域', '步骤', '重点', '项目', '单位', '部门', '企业', '公司', '学校', '班级', '家庭',
  '孩子', '学生', '老师', '方向', '原因', '条件', '因素', '特点', '目标', '任务', '措施', '内容', '版块', '板块',
  '类型', '群体', '专题', '特征', '村子', '社区', '街道', '多月', '多小', '世纪', '时期', '季度',
];

/** Number idioms shaped like 三严三实 that are not formulations (一心一意, 四面八方). */
export const NUMBER_IDIOMS: readonly string[] = [
  '三心二意', '三番五次', '七上八下', '四面八方', '五湖四海', '九死一生', '一五一十', '三令五申', '三言两语',
  '三长两短', '四通八达', '五颜六色', '七嘴八舌', '七零八落', '十全十美', '一干二净', '一清二楚', '三五成群',
  '五花八门', '七手八脚', '千辛万苦', '千方百计', '千家万户', '千军万马', '千变万化', '千山万水', '千丝万缕',
  '三三两两', '两全其美', '一举两得', '一石二鸟', '三头六臂', '四分五裂', '五光十色', '六神无主', '八九不离十',
  '九牛一毛', '十拿九稳', '一波三折', '丢三落四', '不三不四', '横七竖八', '乱七八糟', '百发百中', '万无一失',
];
