/**
 * Settings: the sites where the reader runs by itself — the official sites
 * (with a button to grant their access where the browser has not, as Firefox
 * MV3 may), and the reader's own sites, added and removed here. Props in,
 * callbacks out; the options page asks for permissions.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

export interface SitesSectionProps {
  /** The official sites, as shown ("*.people.com.cn"). */
  officialSites: readonly string[];
  /** Whether access to the official sites is granted; null while unknown. */
  officialGranted: boolean | null;
  /** The reader's own sites ("www.example.org", "*.example.org"). */
  customSites: readonly string[];
  /** What happened last (added, refused, bad address), or null. */
  message: string | null;
  /** The reader asked to grant access to the official sites. */
  onGrantOfficial: () => void;
  /** The reader asked to add the site typed in. */
  onAdd: (input: string) => void;
  /** The reader removed a site of theirs. */
  onRemove: (site: string) => void;
}

export function SitesSection(props: SitesSectionProps): JSX.Element {
  const [input, setInput] = useState('');
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">自动运行的网站</h2>
      <p class="hint">在这些网站上打开文章时，研读会自动标注结构。在其他网站上，可以点击工具栏按钮“分析本页”。</p>
      {props.officialGranted === false && (
        <div class="warning" role="alert">
          <p>浏览器尚未允许研读访问下列官方网站，因此不会自动运行。</p>
          <button type="button" onClick={props.onGrantOfficial}>
            允许访问官方网站
          </button>
        </div>
      )}
      <h3>官方网站（默认）</h3>
      <ul class="sites">
        {props.officialSites.map((site) => (
          <li key={site}>{site}</li>
        ))}
      </ul>
      <h3>我添加的网站</h3>
      {props.customSites.length === 0 ? (
        <p class="hint">还没有添加网站。</p>
      ) : (
        <ul class="sites">
          {props.customSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" aria-label={`移除 ${site}`} onClick={() => props.onRemove(site)}>
                移除
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="add-site"
        onSubmit={(event) => {
          event.preventDefault();
          props.onAdd(input);
          setInput('');
        }}
      >
        <label>
          网站地址
          <input
            type="text"
            value={input}
            placeholder="例如 www.example.gov.cn 或 *.example.cn"
            onInput={(event) => setInput(event.currentTarget.value)}
          />
        </label>
        <button type="submit">添加网站</button>
      </form>
      {props.message && (
        <p class="message" role="status">
          {props.message}
        </p>
      )}
    </section>
  );
}
