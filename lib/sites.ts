/**
 * The official news and government sites where 研读 runs by itself (DESIGN.md:
 * 人民网, 新华网, 中国政府网, 求是网, 共产党员网, 光明网, and more). Match patterns in
 * the WebExtension syntax; the reader script and the manifest's host permissions
 * both come from this one list.
 */
export const OFFICIAL_SITE_MATCHES: string[] = [
  '*://*.people.com.cn/*',
  '*://*.xinhuanet.com/*',
  '*://*.news.cn/*',
  '*://*.gov.cn/*',
  '*://*.qstheory.cn/*',
  '*://*.12371.cn/*',
  '*://*.gmw.cn/*',
  '*://*.cctv.com/*',
  '*://*.cnr.cn/*',
];
