/**
 * The notebook page: holds the page's state and wires the database queries
 * (lib/db/notebook, lib/db/formulations), export (lib/export) and backup
 * (lib/backup) to the components. Reads a page of rows at a time.
 */
import { render, type JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { FormulationList } from '@/components/notebook/FormulationList';
import { NotebookView, type ExportChoice, type FullTextChoice, type NotebookTab } from '@/components/notebook/NotebookView';
import { exportBackup, importBackup } from '@/lib/backup';
import { countFormulations, listFormulations, sightingsOf } from '@/lib/db/formulations';
import type { FormulationRecord, SightingRecord } from '@/lib/model/records';
import { deleteNotes, listSites, queryArticles, queryNotes, restoreNotes } from '@/lib/db/notebook';
import { studyRecordOf } from '@/lib/notebook/study-record';
import type { ArticleRow, NoteFilter, NoteRow, NoteSort } from '@/lib/model/notebook';
import { keepNoted } from '@/lib/db/noted';
import { openDb } from '@/lib/db/schema';
import { warmSearch } from '@/lib/db/search-store';
import { notedStore } from '@/lib/noted-articles';
import { listTags } from '@/lib/db/tags';
import { exportStudyRecord } from '@/lib/export';
import { readingOf, totalMinutes } from '@/lib/reading-time';
import { reportUpgrade, upgradeFinished, upgradeProgressItem, upgradeText, type UpgradeState } from '@/lib/upgrade-progress';
import { docxLayoutItem, readingTimeItem } from '@/lib/study-settings';
import { importStudyPack, studyPackOf } from '@/lib/db/study-pack';
import { memberLabel } from '@/lib/export/layout';
import { currentMember, knownMembersItem, rememberMember } from '@/lib/sync/member';
import { studyPackFile } from '@/lib/sync/study-pack';
import { explainFailure } from '@/lib/explain';
import { saveFile } from './download';
import { ArticleOpened, fullTextFile } from './fulltext';

/** Rows read per request. */
const PAGE_ROWS = 100;
/**
 * Notes read for a list's first view: a tall view's rows (about 20 of 112 px) and the 20 the list keeps
 * below the view before it asks for more (components/notebook/VirtualList.tsx), so the first view does not
 * ask again at once; reading 100 took as long as scanning every note in memory (docs/PERFORMANCE.md).
 */
const FIRST_NOTE_ROWS = 40;
/** Formulations read per request. */
const PAGE_FORMULATIONS = 200;
/** Articles whose sentences a formulation shows at most. */
const MAX_SIGHTINGS = 50;
/** Notes of the current list exported when nothing is selected. */
const MAX_LIST_EXPORT = 2_000;
/** Space the header, tabs, actions and filters take above the lists. */
const CHROME_PX = 230;

// A long upgrade after 研读 was updated (schema v6) tells its progress, whether this page or the background runs it.
const db = openDb(undefined, { onUpgradeProgress: reportUpgrade });
// The search column is read while the first page shows, so that the first search finds it loaded.
warmSearch(db);
// Notes written here (delete, restore, import) update the set the reader script reads (lib/noted-articles.ts).
keepNoted(db, notedStore(browser.storage.local));

/** Progress of a restore as the reader reads it: a percentage and the count. */
function importProgress(done: number, total: number): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return `正在导入… ${percent}%（${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 条）`;
}

/** The start of the current month (本月新见). */
function monthStart(): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), 1).getTime();
}

function App(): JSX.Element {
  const [tab, setTab] = useState<NotebookTab>('notes');
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<NoteFilter>({});
  const [sort, setSort] = useState<NoteSort>('newest');
  const [notes, setNotes] = useState<NoteRow[] | null>(null);
  const [notesMore, setNotesMore] = useState(false);
  const [articles, setArticles] = useState<ArticleRow[] | null>(null);
  const [articlesMore, setArticlesMore] = useState(false);
  const [readingMinutes, setReadingMinutes] = useState<ReadonlyMap<string, number> | undefined>(undefined);
  const [sites, setSites] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [members, setMembers] = useState<{ id: string; label: string }[]>([]);
  const [selectedNotes, setSelectedNotes] = useState<ReadonlySet<string>>(new Set());
  const [selectedArticles, setSelectedArticles] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<string[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formulations, setFormulations] = useState<FormulationRecord[]>([]);
  const [formulationTotal, setFormulationTotal] = useState(0);
  const [newOnly, setNewOnly] = useState(false);
  const [openFormulation, setOpenFormulation] = useState<{ text: string; sightings: SightingRecord[] } | null>(null);
  const [revision, setRevision] = useState(0);
  const [importing, setImporting] = useState<AbortController | null>(null);
  const [upgrading, setUpgrading] = useState<string | null>(null);
  const [height, setHeight] = useState(Math.max(300, window.innerHeight - CHROME_PX));
  const loading = useRef(false);
  const fullFilter: NoteFilter = { ...filter, query };
  const noteSort: NoteSort = query.trim() === '' && sort === 'relevance' ? 'newest' : sort;

  // While the database upgrades (here or in the background), its progress; gone once this page's database is open.
  useEffect(() => {
    let open = false;
    const show = (state: UpgradeState | null): void => {
      if (!open) setUpgrading(state ? upgradeText(state) : null);
    };
    const unwatch = upgradeProgressItem.watch(show);
    void upgradeProgressItem.getValue().then(show);
    void db.open().then(
      () => {
        open = true;
        setUpgrading(null);
        unwatch();
        return upgradeFinished();
      },
      () => undefined,
    );
    return unwatch;
  }, []);

  useEffect(() => {
    const onResize = (): void => setHeight(Math.max(300, window.innerHeight - CHROME_PX));
    window.addEventListener('resize', onResize);
    void Promise.all([listSites(db), listTags(db), knownMembersItem.getValue()]).then(([s, t, m]) => {
      setSites(s);
      setTags(t);
      setMembers(m.map((member) => ({ id: member.id, label: memberLabel(member) })));
    });
    return () => window.removeEventListener('resize', onResize);
  }, [revision]);

  useEffect(() => {
    let live = true;
    const run = async (): Promise<void> => {
      try {
        if (tab === 'notes') {
          const page = await queryNotes(db, fullFilter, noteSort, 0, FIRST_NOTE_ROWS);
          if (live) (setNotes(page.rows), setNotesMore(page.hasMore));
        } else if (tab === 'articles') {
          const page = await queryArticles(db, { query, site: filter.site }, 0, PAGE_ROWS);
          if (live) (setArticles(page.rows), setArticlesMore(page.hasMore));
        } else {
          const since = newOnly ? monthStart() : undefined;
          const [list, total] = await Promise.all([listFormulations(db, { since, offset: 0, limit: PAGE_FORMULATIONS }), countFormulations(db, since)]);
          if (live) (setFormulations(list), setFormulationTotal(total));
        }
      } catch (e) {
        if (live) setError(`读取失败：${explainFailure(e)}`);
      }
    };
    void run();
    return () => {
      live = false;
    };
  }, [tab, query, JSON.stringify(filter), noteSort, newOnly, revision]);

  // 学习时长 of the articles shown (when the reader has not switched it off).
  useEffect(() => {
    let live = true;
    void (async () => {
      if (!articles || !(await readingTimeItem.getValue())) return live && setReadingMinutes(undefined);
      const reading = await readingOf(articles.map((row) => row.article.key));
      if (live) setReadingMinutes(new Map([...reading].map(([key, days]) => [key, totalMinutes(days)])));
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [articles]);

  const moreNotes = useCallback(async () => {
    if (loading.current || !notes) return;
    loading.current = true;
    const page = await queryNotes(db, fullFilter, noteSort, notes.length, PAGE_ROWS).finally(() => (loading.current = false));
    setNotes([...notes, ...page.rows]);
    setNotesMore(page.hasMore);
  }, [notes, query, filter, noteSort]);

  const moreArticles = useCallback(async () => {
    if (loading.current || !articles) return;
    loading.current = true;
    const page = await queryArticles(db, { query, site: filter.site }, articles.length, PAGE_ROWS).finally(() => (loading.current = false));
    setArticles([...articles, ...page.rows]);
    setArticlesMore(page.hasMore);
  }, [articles, query, filter]);

  const toggle = (set: ReadonlySet<string>, id: string): Set<string> => {
    const next = new Set(set);
    if (!next.delete(id)) next.add(id);
    return next;
  };

  /** The chosen articles and notes, or, when nothing is chosen, the notes the list shows. */
  const currentSelection = async (): Promise<{ articleKeys: string[]; noteIds: string[] }> => {
    let selection = { articleKeys: [...selectedArticles], noteIds: [...selectedNotes] };
    if (selection.articleKeys.length + selection.noteIds.length === 0) {
      const shown = await queryNotes(db, fullFilter, noteSort, 0, MAX_LIST_EXPORT);
      selection = { articleKeys: [], noteIds: shown.rows.map((r) => r.note.id) };
    }
    if (selection.articleKeys.length + selection.noteIds.length === 0) throw new Error('没有可导出的笔记');
    return selection;
  };

  const onExport = async (format: ExportChoice): Promise<void> => {
    setError(null);
    try {
      const selection = await currentSelection();
      const me = await currentMember();
      const record = { ...(await studyRecordOf(db, selection)), reader: { name: me.name, branch: me.branch } };
      if (await readingTimeItem.getValue()) {
        const reading = await readingOf(record.articles.flatMap((a) => (a.key ? [a.key] : [])));
        for (const article of record.articles) article.reading = article.key ? reading.get(article.key) : undefined;
      }
      const file = await exportStudyRecord(format, record, { docxLayout: await docxLayoutItem.getValue() });
      saveFile(file);
      setStatus(`已导出：${file.filename}`);
    } catch (e) {
      setError(`导出失败：${explainFailure(e)}`);
    }
  };

  /** 全文网页 / 全文 Markdown: the one article chosen, or the one whose notes are chosen or listed. */
  const onFullText = async (format: FullTextChoice, withStructure: boolean): Promise<void> => {
    setError(null);
    setStatus(null);
    try {
      const selection = await currentSelection();
      const notes = (await db.annotations.bulkGet(selection.noteIds)).flatMap((n) => (n ? [n.articleKey] : []));
      const keys = [...new Set([...selection.articleKeys, ...notes])];
      if (keys.length !== 1) throw new Error(`全文一次导出一篇文章，现在选中了 ${keys.length} 篇：请在“文章”中只勾选一篇`);
      const file = await fullTextFile(db, keys[0]!, format, withStructure);
      saveFile(file);
      setStatus(`已导出：${file.filename}`);
    } catch (e) {
      if (e instanceof ArticleOpened) setStatus(e.message);
      else setError(`导出失败：${explainFailure(e)}`);
    }
  };

  const formulationView = (
    <FormulationList
      items={formulations}
      total={formulationTotal}
      newOnly={newOnly}
      onNewOnly={setNewOnly}
      open={openFormulation}
      onOpen={async (text) => {
        if (openFormulation?.text === text) return setOpenFormulation(null);
        setOpenFormulation({ text, sightings: await sightingsOf(db, text, MAX_SIGHTINGS) });
      }}
      onMore={
        formulations.length < formulationTotal
          ? async () => {
              const since = newOnly ? monthStart() : undefined;
              const more = await listFormulations(db, { since, offset: formulations.length, limit: PAGE_FORMULATIONS });
              setFormulations([...formulations, ...more]);
            }
          : undefined
      }
    />
  );

  return (
    <NotebookView
      tab={tab}
      onTab={setTab}
      query={query}
      onQuery={(q) => {
        setQuery(q);
        if (q.trim() !== '' && sort === 'newest') setSort('relevance');
      }}
      filter={filter}
      sort={noteSort}
      sites={sites}
      tags={tags}
      onFilter={setFilter}
      onSort={setSort}
      notes={notes}
      articles={articles}
      readingMinutes={readingMinutes}
      selectedNotes={selectedNotes}
      selectedArticles={selectedArticles}
      onToggleNote={(id) => setSelectedNotes(toggle(selectedNotes, id))}
      onToggleArticle={(key) => setSelectedArticles(toggle(selectedArticles, key))}
      onOpenArticle={(key) => {
        setFilter({ articleKey: key });
        setTab('notes');
      }}
      onMoreNotes={notesMore ? () => void moreNotes() : undefined}
      onMoreArticles={articlesMore ? () => void moreArticles() : undefined}
      onDelete={async () => {
        try {
          const deleted = await deleteNotes(db, [...selectedNotes]);
          setSelectedNotes(new Set());
          setUndo(deleted);
          setStatus(`已删除 ${deleted.length} 条笔记，30 天内可恢复。`);
          setRevision(revision + 1);
        } catch (e) {
          setError(`删除失败：${explainFailure(e)}`);
        }
      }}
      onUndo={
        undo
          ? async () => {
              await restoreNotes(db, undo);
              setUndo(null);
              setStatus(`已恢复 ${undo.length} 条笔记。`);
              setRevision(revision + 1);
            }
          : undefined
      }
      onExport={(format) => void onExport(format)}
      onFullText={(format, withStructure) => void onFullText(format, withStructure)}
      onStudyPack={async () => {
        setError(null);
        try {
          const me = await currentMember();
          const file = studyPackFile(await studyPackOf(db, await currentSelection(), me));
          saveFile(file);
          setStatus(`已导出学习包：${file.filename}${me.name ? '' : '（尚未在设置中填写姓名，学习包未署名）'}`);
        } catch (e) {
          setError(`导出学习包失败：${explainFailure(e)}`);
        }
      }}
      onImportStudyPack={async (file) => {
        setError(null);
        setStatus('正在导入学习包…');
        try {
          const result = await importStudyPack(db, file, await currentMember());
          if (!result.own) await rememberMember(result.member);
          const who = result.own ? '本人' : memberLabel(result.member);
          setStatus(`已导入${who}的学习包：新增 ${result.added} 条，更新 ${result.updated} 条，未改动 ${result.kept} 条。`);
          setRevision(revision + 1);
        } catch (e) {
          setStatus(null);
          setError(`导入学习包失败：${explainFailure(e)}`);
        }
      }}
      members={members}
      onBackup={async () => {
        try {
          const file = await exportBackup(db);
          saveFile(file);
          setStatus(`已备份：${file.filename}`);
        } catch (e) {
          setError(`备份失败：${explainFailure(e)}`);
        }
      }}
      onImport={async (file) => {
        if (importing) return;
        setError(null);
        setStatus('正在读取备份文件…');
        const controller = new AbortController();
        setImporting(controller);
        let shown = -1;
        try {
          const summary = await importBackup(db, file, {
            signal: controller.signal,
            onProgress: ({ done, total }) => {
              // At most one repaint per percent.
              const percent = Math.floor((done / Math.max(1, total)) * 100);
              if (percent !== shown) (shown = percent), setStatus(importProgress(done, total));
            },
          });
          setStatus(`导入完成：新增 ${summary.added} 条，更新 ${summary.updated} 条，已有而跳过 ${summary.skipped} 条。`);
          setRevision(revision + 1);
        } catch (e) {
          if (e instanceof DOMException && e.name === 'AbortError') {
            setStatus('已取消导入，现有数据未作任何更改。');
          } else {
            setStatus(null);
            setError(`导入失败：${explainFailure(e)}`);
          }
        } finally {
          setImporting(null);
        }
      }}
      onCancelImport={importing ? () => importing.abort() : undefined}
      status={upgrading ?? status}
      error={error}
      formulations={formulationView}
      listHeight={height}
    />
  );
}

render(<App />, document.getElementById('app')!);
