/**
 * The welcome page (opened once, on first install): three steps with pictures, the permissions the
 * manifest asks for and why, where the data is kept, and the ways on (settings, the guide).
 * Props in, callbacks out; the entrypoint reads the manifest.
 */
import type { ComponentChild } from 'preact';

/** Why 研读 asks for each permission its manifest names (manifest.json `permissions`). */
export const PERMISSION_REASONS: Record<string, string> = {
  storage: '保存您的偏好设置（提纲面板、标注类别、颜色等）。',
  activeTab: '您在某个网页上点击研读按钮并选“分析本页”时，只在这一页上运行，无需访问所有网站的权限。',
  scripting: '把研读的标注程序放进您要求分析的网页，并为您在设置中添加的网站登记自动运行。',
};

export interface WelcomeProps {
  /** The manifest's `permissions` (API permissions and, in MV2, host patterns). */
  permissions: readonly string[];
  /** Sites where it runs by itself (host permissions). */
  sites: readonly string[];
  /** Whether this is the MV2 build for older browsers. */
  legacy: boolean;
  onOpenSettings: () => void;
  onOpenGuide: () => void;
}

/** A small drawing of an article page with marks in the kinds' colours and an outline beside it. */
function ArticlePicture(): ComponentChild {
  return (
    <svg viewBox="0 0 240 140" role="img" aria-label="文章中的部署、排比段落和提法被标出，右侧是提纲">
      <rect x="1" y="1" width="238" height="138" rx="6" fill="#fff" stroke="#c9ced6" />
      <rect x="14" y="14" width="120" height="10" rx="2" fill="#333" />
      <rect x="14" y="34" width="150" height="6" rx="2" fill="#d0d4da" />
      <rect x="14" y="46" width="60" height="8" rx="2" fill="#fde74c" />
      <rect x="78" y="47" width="86" height="6" rx="2" fill="#d0d4da" />
      <rect x="14" y="60" width="150" height="6" rx="2" fill="#d0d4da" />
      <rect x="14" y="72" width="60" height="8" rx="2" fill="#fde74c" />
      <rect x="78" y="73" width="86" height="6" rx="2" fill="#d0d4da" />
      <rect x="14" y="86" width="40" height="8" rx="2" fill="#b5e3c4" />
      <rect x="58" y="87" width="106" height="6" rx="2" fill="#d0d4da" />
      <rect x="14" y="100" width="150" height="6" rx="2" fill="#d0d4da" />
      <rect x="14" y="112" width="90" height="8" rx="2" fill="#c7dcf7" />
      <rect x="176" y="14" width="52" height="112" rx="4" fill="#f4f6f9" stroke="#c9ced6" />
      <text x="202" y="30" font-size="10" text-anchor="middle" fill="#333">提纲</text>
      <rect x="184" y="40" width="36" height="5" rx="2" fill="#fde74c" />
      <rect x="190" y="52" width="30" height="5" rx="2" fill="#d0d4da" />
      <rect x="190" y="62" width="30" height="5" rx="2" fill="#d0d4da" />
      <rect x="184" y="76" width="36" height="5" rx="2" fill="#b5e3c4" />
      <rect x="184" y="90" width="36" height="5" rx="2" fill="#c7dcf7" />
    </svg>
  );
}

/** A drawing of a selected sentence with the toolbar 划线 · 批注 · 复制引用 above it. */
function SelectionPicture(): ComponentChild {
  return (
    <svg viewBox="0 0 240 140" role="img" aria-label="选中文字后出现工具栏：划线、批注、复制引用">
      <rect x="1" y="1" width="238" height="138" rx="6" fill="#fff" stroke="#c9ced6" />
      <rect x="14" y="20" width="210" height="6" rx="2" fill="#d0d4da" />
      <rect x="40" y="44" width="164" height="26" rx="4" fill="#2b2b2b" />
      <text x="70" y="61" font-size="11" text-anchor="middle" fill="#fff">划线</text>
      <text x="118" y="61" font-size="11" text-anchor="middle" fill="#fff">批注</text>
      <text x="170" y="61" font-size="11" text-anchor="middle" fill="#fff">复制引用</text>
      <rect x="14" y="80" width="40" height="6" rx="2" fill="#d0d4da" />
      <rect x="58" y="77" width="120" height="12" rx="2" fill="#9cc3f5" />
      <rect x="182" y="80" width="42" height="6" rx="2" fill="#d0d4da" />
      <rect x="14" y="100" width="210" height="6" rx="2" fill="#d0d4da" />
      <rect x="14" y="114" width="150" height="6" rx="2" fill="#d0d4da" />
    </svg>
  );
}

/** A drawing of the notebook turning notes into a Word 学习笔记. */
function NotebookPicture(): ComponentChild {
  return (
    <svg viewBox="0 0 240 140" role="img" aria-label="笔记本汇总所有划线和批注，可导出 Word 学习笔记">
      <rect x="1" y="1" width="238" height="138" rx="6" fill="#fff" stroke="#c9ced6" />
      <rect x="12" y="12" width="128" height="14" rx="7" fill="#f4f6f9" stroke="#c9ced6" />
      <text x="22" y="23" font-size="9" fill="#888">搜索划线、批注</text>
      <rect x="12" y="36" width="128" height="24" rx="3" fill="#f9f9f9" stroke="#e0e0e0" />
      <rect x="18" y="42" width="80" height="5" rx="2" fill="#fde74c" />
      <rect x="18" y="51" width="110" height="4" rx="2" fill="#d0d4da" />
      <rect x="12" y="66" width="128" height="24" rx="3" fill="#f9f9f9" stroke="#e0e0e0" />
      <rect x="18" y="72" width="70" height="5" rx="2" fill="#9cc3f5" />
      <rect x="18" y="81" width="100" height="4" rx="2" fill="#d0d4da" />
      <path d="M148 70 h20 m-6 -6 l6 6 l-6 6" stroke="#555" stroke-width="2" fill="none" />
      <rect x="176" y="28" width="52" height="80" rx="3" fill="#fff" stroke="#2b579a" stroke-width="2" />
      <text x="202" y="46" font-size="9" text-anchor="middle" fill="#2b579a">学习笔记</text>
      <rect x="184" y="54" width="36" height="4" rx="2" fill="#d0d4da" />
      <rect x="184" y="64" width="36" height="4" rx="2" fill="#d0d4da" />
      <rect x="184" y="74" width="28" height="4" rx="2" fill="#d0d4da" />
      <text x="202" y="100" font-size="9" text-anchor="middle" fill="#2b579a">Word</text>
    </svg>
  );
}

/** Host patterns in a manifest's permissions (MV2 keeps them there). */
function isHostPattern(permission: string): boolean {
  return permission.includes('://') || permission === '<all_urls>';
}

/** `*://*.people.com.cn/*` → `people.com.cn`. */
function siteName(pattern: string): string {
  return pattern.replace(/^\*:\/\/(\*\.)?/, '').replace(/\/\*$/, '');
}

export function WelcomeView(props: WelcomeProps): ComponentChild {
  const apiPermissions = props.permissions.filter((p) => !isHostPattern(p));
  return (
    <main class="welcome">
      <h1>欢迎使用研读</h1>
      <p class="lead">
        研读帮助您阅读党和政府的政策文章：自动标出文章的结构和重要提法，让您划线、写批注，并把它们整理成开会用的学习笔记。
      </p>
      {props.legacy ? (
        <p class="legacy" role="note">
          您安装的是旧版浏览器兼容版（适用于 Chromium 64–87 内核）。自己添加的网站要等页面加载完才开始标注；如果浏览器内核已是 88 或更新，建议改装标准版。
        </p>
      ) : null}

      <section aria-labelledby="steps">
        <h2 id="steps">三步上手</h2>
        <ol class="steps">
          <li>
            <ArticlePicture />
            <h3>第一步：打开政策文章</h3>
            <p>在人民网、新华网、中国政府网、求是网等官方网站打开一篇文章，研读会自动标出“一是……二是……”等部署要求、排比段落和重要提法，并在页面右侧列出提纲。其他网站上，点击浏览器工具栏上的研读按钮，再点“分析本页”。</p>
          </li>
          <li>
            <SelectionPicture />
            <h3>第二步：划线和批注</h3>
            <p>用鼠标选中文字，在出现的工具栏上点“划线”或“批注”；“复制引用”会连同标题、来源和日期一起复制。快捷键：Alt+Shift+H 划线，Alt+Shift+J 批注。下次打开同一篇文章，划线和批注会自动回到原处。</p>
          </li>
          <li>
            <NotebookPicture />
            <h3>第三步：整理学习笔记</h3>
            <p>点击工具栏上的研读按钮，可以看到本页的标注和最近的笔记；打开“笔记本”可以搜索全部笔记，并导出 Word 学习笔记、Markdown、文本等格式。</p>
          </li>
        </ol>
      </section>

      <section aria-labelledby="permissions">
        <h2 id="permissions">研读需要的权限和原因</h2>
        <ul class="permissions">
          {apiPermissions.map((permission) => (
            <li key={permission}>
              <code>{permission}</code>：{PERMISSION_REASONS[permission] ?? '研读运行所需。'}
            </li>
          ))}
          <li>
            <strong>访问官方网站</strong>（{props.sites.map(siteName).join('、')}）：在这些网站上自动分析政策文章。研读只读取页面上的文字，不修改也不发送您的任何内容。
          </li>
          <li>
            <strong>其他网站（可选）</strong>：只有在您于设置中添加某个网站时才会询问，一次一个网站。
          </li>
        </ul>
      </section>

      <section aria-labelledby="data">
        <h2 id="data">您的数据保存在哪里</h2>
        <p>
          所有划线、批注、标签和阅读记录都只保存在这台电脑的浏览器里（研读自己的数据库），不需要账号，也不会上传到任何服务器。只有当您在设置里填写了自己的同步服务器（如坚果云、单位的 NAS）并开启同步后，数据才会发送到那台服务器。
        </p>
        <p>卸载研读或清除浏览器数据会删除这些笔记，请定期在笔记本中点“备份”保存一份备份文件。</p>
      </section>

      <nav class="actions" aria-label="下一步">
        <button type="button" onClick={props.onOpenSettings}>打开设置</button>
        <button type="button" onClick={props.onOpenGuide}>使用说明</button>
      </nav>
    </main>
  );
}
