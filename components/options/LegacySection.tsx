/**
 * Settings, in the MV2 build for older browsers (Chromium 64–87) only: what that build cannot do
 * as the standard one does, in plain words.
 */
import type { ComponentChild } from 'preact';

export function LegacySection(): ComponentChild {
  return (
    <section aria-labelledby="legacy-heading" class="legacy">
      <h2 id="legacy-heading">旧版浏览器兼容版</h2>
      <p>您使用的是为 Chromium 64–87 内核的浏览器准备的兼容版（Manifest V2）。与标准版相比：</p>
      <ul>
        <li>您自己添加的网站，要等页面加载完成后研读才开始标注（旧内核不能提前登记，标准版在页面打开时就开始）。</li>
        <li>研读的后台常驻运行，会多占用一些内存。</li>
        <li>新版 Chrome 和 Edge 已不再支持这类扩展；浏览器升级到 88 或更新的内核后，请改装标准版（先在笔记本中备份，再在新版中导入备份）。</li>
      </ul>
    </section>
  );
}
