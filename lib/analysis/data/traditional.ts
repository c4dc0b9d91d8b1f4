/**
 * Traditional → Simplified characters, one for one, for the characters that the
 * detectors' markers and word lists use. Folding is character for character so
 * offsets into the original text stay valid (see normalize.ts). Not a general
 * converter: a character missing here only weakens the policy vocabulary match.
 *
 * Format: pairs of strings of equal length; TRADITIONAL[i] folds to SIMPLIFIED[i].
 */
export const TRADITIONAL =
  '後與個們來這為會時對說國實現發經過當點體關樣還長從動開問頭機種進義產應設區據處見議論黨員習眾幹務導結組織領團際權聯濟線紀風氣廣東華縣鄉鎮農計劃條規則項層級統籌協調範監責護衛傳達貫徹學礎鞏礙屬擴營資預戰軍億萬築講畫質標準歷勢總積極觀網雙嚴帶熱鬥爭奮勝將認識誌辦圍驗環節壞變穩隊轉彈響歸亂態擔舉優勞興強軟參邊遠選遷績專紐續讀堅兩裡隻於';
export const SIMPLIFIED =
  '后与个们来这为会时对说国实现发经过当点体关样还长从动开问头机种进义产应设区据处见议论党员习众干务导结组织领团际权联济线纪风气广东华县乡镇农计划条规则项层级统筹协调范监责护卫传达贯彻学础巩碍属扩营资预战军亿万筑讲画质标准历势总积极观网双严带热斗争奋胜将认识志办围验环节坏变稳队转弹响归乱态担举优劳兴强软参边远选迁绩专纽续读坚两里只于';

/**
 * The commonest Traditional-only characters (們, 個, 這, 為, 來, 會, 說, 國, 時, 對, 後, 與):
 * any Traditional text of more than a few sentences holds one of them. Twelve
 * at most: a regex class of up to about twelve characters is scanned by V8 with
 * a fast check per character, a larger one (TRADITIONAL) ten times slower.
 */
export const COMMONEST_TRADITIONAL = '們個這為來會說國時對後與';
