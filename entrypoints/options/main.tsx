/**
 * The settings page (options.html): wiring only. Reads and writes the
 * settings in extension storage, asks for host permissions when the reader
 * adds a site, reads storage use, and runs backup and import on the database;
 * the sections in components/options/ show it all.
 */
import { render, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ExportSection } from '@/components/options/ExportSection';
import { LegacySection } from '@/components/options/LegacySection';
import { MarksSection } from '@/components/options/MarksSection';
import { MemberSection } from '@/components/options/MemberSection';
import { SyncSection } from '@/components/options/SyncSection';
import { ShortcutsSection, type ShortcutRow } from '@/components/options/ShortcutsSection';
import { SitesSection } from '@/components/options/SitesSection';
import { StorageSection } from '@/components/options/StorageSection';
import type { ItemKind, KindColors } from '@/lib/model/kinds';
import { exportBackup, importBackup } from '@/lib/backup';
import { keepNoted } from '@/lib/db/noted';
import { openDb } from '@/lib/db/schema';
import { notedStore } from '@/lib/noted-articles';
import { sendMessage } from '@/lib/messaging';
import { kindColorsItem, markKindsItem } from '@/lib/reader/preferences';
import { OFFICIAL_SITE_MATCHES } from '@/lib/model/sites';
import { customSitesItem, normalizeSite, sitePattern } from '@/lib/sites-registry';
import type { DocxLayout } from '@/lib/export/types';
import { docxLayoutItem, readingTimeItem } from '@/lib/study-settings';
import { memberItem, saveMemberNames } from '@/lib/sync/member';
import { NEVER_SYNCED, statusLine, syncConfigItem, syncRequestItem, syncStatusItem, type SyncConfig } from '@/lib/sync/settings';
import { folderUrl, originPattern } from '@/lib/sync/webdav';
import { formatTime } from '@/lib/sync/time';
import { explainFailure } from '@/lib/explain';
import { saveFile } from '../notebook/download';

/** The toolbar button's command has no description of its own in the manifest. */
const ACTION_COMMAND_DESCRIPTION = '打开研读弹窗（工具栏按钮）';

function commandDescription(command: { name?: string; description?: string }): string {
  if (command.name === '_execute_action' || command.name === '_execute_browser_action') return ACTION_COMMAND_DESCRIPTION;
  return command.description || command.name || '';
}
import './style.css';

/** Where Chromium lets the reader change extension shortcuts. */
const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

const db = openDb();
// Notes written here (delete, restore, import) update the set the reader script reads (lib/noted-articles.ts).
keepNoted(db, notedStore(browser.storage.local));

function officialSites(): string[] {
  return OFFICIAL_SITE_MATCHES.map((pattern) => pattern.replace(/^\*:\/\//, '').replace(/\/\*$/, ''));
}

function App(): JSX.Element {
  const [officialGranted, setOfficialGranted] = useState<boolean | null>(null);
  const [customSites, setCustomSites] = useState<string[]>([]);
  const [sitesMessage, setSitesMessage] = useState<string | null>(null);
  const [kinds, setKinds] = useState<ReadonlySet<ItemKind>>(new Set());
  const [colors, setColors] = useState<KindColors>({});
  const [shortcuts, setShortcuts] = useState<ShortcutRow[]>([]);
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [storageMessage, setStorageMessage] = useState<string | null>(null);
  const [layout, setLayout] = useState<DocxLayout | null>(null);
  const [readingTime, setReadingTime] = useState<boolean | null>(null);
  const [member, setMember] = useState({ name: '', branch: '' });
  const [memberMessage, setMemberMessage] = useState<string | null>(null);
  const [syncConfig, setSyncConfig] = useState<SyncConfig>({ url: '', user: '', password: '', enabled: false });
  const [syncStatus, setSyncStatus] = useState(NEVER_SYNCED);
  const [syncMessage, setSyncMessage] = useState<string | null>(null);

  const refreshUsage = (): void => {
    void navigator.storage
      ?.estimate()
      .then((estimate) => setUsage({ usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 }))
      .catch(() => setUsage(null));
  };

  useEffect(() => {
    const checkOfficial = (): void => {
      void browser.permissions.contains({ origins: OFFICIAL_SITE_MATCHES }).then(setOfficialGranted);
    };
    checkOfficial();
    browser.permissions.onAdded.addListener(checkOfficial);
    void customSitesItem.getValue().then(setCustomSites);
    const unwatch = customSitesItem.watch((sites) => setCustomSites(sites ?? []));
    void markKindsItem.getValue().then((value) => setKinds(new Set(value)));
    void kindColorsItem.getValue().then(setColors);
    void docxLayoutItem.getValue().then(setLayout);
    void readingTimeItem.getValue().then(setReadingTime);
    void memberItem.getValue().then(({ name, branch }) => setMember({ name, branch }));
    void syncConfigItem.getValue().then(setSyncConfig);
    void syncStatusItem.getValue().then(setSyncStatus);
    const unwatchSync = syncStatusItem.watch((status) => setSyncStatus(status ?? NEVER_SYNCED));
    void browser.commands
      ?.getAll()
      .then((commands) => setShortcuts(commands.map((c) => ({ description: commandDescription(c), shortcut: c.shortcut ?? '' }))));
    refreshUsage();
    void sendMessage('storageStatus', undefined)
      .then((status) => setPersisted(status ? status.persisted : null))
      .catch(() => setPersisted(null));
    return () => {
      unwatch();
      unwatchSync();
      browser.permissions.onAdded.removeListener(checkOfficial);
    };
  }, []);

  const addSite = (input: string): void => {
    const site = normalizeSite(input);
    if (!site) {
      setSitesMessage(`“${input.trim()}”不是有效的网站地址。`);
      return;
    }
    if (customSites.includes(site)) {
      setSitesMessage(`${site} 已在列表中。`);
      return;
    }
    // Asked for right here, inside the reader's click: browsers show the permission prompt only then.
    browser.permissions.request({ origins: [sitePattern(site)] }).then(
      async (granted) => {
        if (!granted) {
          setSitesMessage(`没有获得访问 ${site} 的权限，未添加。`);
          return;
        }
        await customSitesItem.setValue([...(await customSitesItem.getValue()), site]);
        setSitesMessage(`已添加 ${site}，打开该网站的文章时研读会自动运行。`);
      },
      (error: unknown) => setSitesMessage(`无法添加 ${site}：${explainFailure(error)}`),
    );
  };

  const removeSite = (site: string): void => {
    void (async () => {
      await customSitesItem.setValue((await customSitesItem.getValue()).filter((s) => s !== site));
      // Give the permission back; a build that holds it as required (tests) keeps it, which is fine.
      await browser.permissions.remove({ origins: [sitePattern(site)] }).catch((error: unknown) => {
        console.warn('[研读] 无法撤销网站权限', site, error);
      });
      setSitesMessage(`已移除 ${site}。`);
    })().catch((error: unknown) => setSitesMessage(`无法移除 ${site}：${explainFailure(error)}`));
  };

  const grantOfficial = (): void => {
    browser.permissions.request({ origins: OFFICIAL_SITE_MATCHES }).then(setOfficialGranted, (error: unknown) => {
      setSitesMessage(`无法获得权限：${explainFailure(error)}`);
    });
  };

  const toggleKind = (kind: ItemKind): void => {
    const next = new Set(kinds);
    if (!next.delete(kind)) next.add(kind);
    setKinds(next);
    void markKindsItem.setValue([...next]);
  };

  const chooseColor = (kind: ItemKind, color: string): void => {
    const next = { ...colors, [kind]: color };
    setColors(next);
    void kindColorsItem.setValue(next);
  };

  const enableSync = (url: string, user: string, password: string): void => {
    let origin: string;
    try {
      origin = originPattern(folderUrl(url));
    } catch (error) {
      setSyncMessage(explainFailure(error));
      return;
    }
    const secret = password || syncConfig.password;
    if (user.trim() === '' || secret === '') {
      setSyncMessage('请填写用户名和应用密码。');
      return;
    }
    // Asked inside the reader's click (browsers prompt only then), for this one server only.
    browser.permissions.request({ origins: [origin] }).then(
      async (granted) => {
        if (!granted) {
          setSyncMessage('没有获得访问该服务器的权限，同步未开启。');
          return;
        }
        const next: SyncConfig = { url: folderUrl(url), user: user.trim(), password: secret, enabled: true };
        await syncConfigItem.setValue(next);
        setSyncConfig(next);
        setSyncMessage('同步已开启，正在进行第一次同步…');
      },
      (error: unknown) => setSyncMessage(`无法开启同步：${explainFailure(error)}`),
    );
  };

  const disableSync = (): void => {
    void (async () => {
      const next = { ...syncConfig, enabled: false };
      await syncConfigItem.setValue(next);
      setSyncConfig(next);
      await browser.permissions.remove({ origins: [originPattern(next.url)] }).catch(() => undefined);
      setSyncMessage('同步已关闭；本机笔记保持不变。');
    })().catch((error: unknown) => setSyncMessage(`无法关闭同步：${explainFailure(error)}`));
  };

  const runExport = (): void => {
    setBusy(true);
    setStorageMessage(null);
    exportBackup(db)
      .then((file) => {
        saveFile(file);
        setStorageMessage(`已导出备份 ${file.filename}。`);
      })
      .catch((error: unknown) => setStorageMessage(`导出失败：${explainFailure(error)}`))
      .finally(() => setBusy(false));
  };

  const runImport = (file: File): void => {
    setBusy(true);
    setStorageMessage(null);
    importBackup(db, file)
      .then((summary) => {
        setStorageMessage(`导入完成：新增 ${summary.added} 条，更新 ${summary.updated} 条，跳过重复 ${summary.skipped} 条。`);
        refreshUsage();
      })
      .catch((error: unknown) => setStorageMessage(`导入失败，已有数据未改动：${explainFailure(error)}`))
      .finally(() => setBusy(false));
  };

  return (
    <main>
      <h1>研读 · 设置</h1>
      {browser.runtime.getManifest().manifest_version === 2 ? <LegacySection /> : null}
      <MemberSection
        name={member.name}
        branch={member.branch}
        message={memberMessage}
        onChange={(name, branch) => {
          setMember({ name, branch });
          saveMemberNames(name, branch).then(
            () => setMemberMessage('已保存。'),
            (error: unknown) => setMemberMessage(`保存失败：${explainFailure(error)}`),
          );
        }}
      />
      <SitesSection
        officialSites={officialSites()}
        officialGranted={officialGranted}
        customSites={customSites}
        message={sitesMessage}
        onGrantOfficial={grantOfficial}
        onAdd={addSite}
        onRemove={removeSite}
      />
      <MarksSection
        kinds={kinds}
        colors={colors}
        onToggleKind={toggleKind}
        onColor={chooseColor}
        onResetColors={() => {
          setColors({});
          void kindColorsItem.setValue({});
        }}
      />
      <ShortcutsSection
        shortcuts={shortcuts}
        whereToChange={
          import.meta.env.FIREFOX
            ? '在 Firefox 中修改：打开“附加组件和主题”（about:addons），点击齿轮按钮，选择“管理扩展快捷键”。'
            : `在浏览器的扩展快捷键页面（${CHROME_SHORTCUTS_URL}）中修改。`
        }
        onOpenShortcutSettings={import.meta.env.FIREFOX ? undefined : () => void browser.tabs.create({ url: CHROME_SHORTCUTS_URL })}
      />
      <ExportSection
        layout={layout}
        onLayout={(value) => {
          setLayout(value);
          void docxLayoutItem.setValue(value);
        }}
        readingTime={readingTime}
        onReadingTime={(on) => {
          setReadingTime(on);
          void readingTimeItem.setValue(on);
        }}
      />
      <SyncSection
        url={syncConfig.url}
        user={syncConfig.user}
        enabled={syncConfig.enabled}
        hasPassword={syncConfig.password !== ''}
        status={statusLine(syncStatus, formatTime)}
        failed={syncStatus.state === 'error'}
        message={syncMessage}
        onEnable={enableSync}
        onDisable={disableSync}
        onSyncNow={() => void syncRequestItem.setValue(Date.now())}
      />
      <StorageSection
        usage={usage}
        persisted={persisted}
        busy={busy}
        message={storageMessage}
        onExport={runExport}
        onImport={runImport}
      />
    </main>
  );
}

render(<App />, document.getElementById('app')!);
