/** The 提法库: every formulation with its counts and dates; one opens to the sentences and articles it stood in. */
import type { JSX } from 'preact';
import type { FormulationRecord, SightingRecord } from '@/lib/model/records';
import { formatDay } from './labels';

export interface FormulationListProps {
  /** The formulations loaded so far. */
  items: readonly FormulationRecord[];
  /** How many there are in all (in this view). */
  total: number;
  /** Whether only those first seen this month are shown. */
  newOnly: boolean;
  /** Switches between all and 本月新见. */
  onNewOnly: (newOnly: boolean) => void;
  /** The open formulation and its sightings, or null. */
  open: { text: string; sightings: readonly SightingRecord[] } | null;
  /** Opens (or closes, with the same text) a formulation. */
  onOpen: (text: string) => void;
  /** Asks for more formulations; absent when all are loaded. */
  onMore?: () => void;
}

export function FormulationList({ items, total, newOnly, onNewOnly, open, onOpen, onMore }: FormulationListProps): JSX.Element {
  return (
    <section class="formulations" aria-labelledby="yd-formulations">
      <h2 id="yd-formulations">提法库</h2>
      <p class="toolbar">
        <label>
          <input type="checkbox" checked={newOnly} onChange={(e) => onNewOnly(e.currentTarget.checked)} />
          只看本月新见
        </label>
        <span class="count">共 {total} 个提法</span>
      </p>
      {items.length === 0 ? (
        <p class="empty">{newOnly ? '本月还没有新见的提法。' : '还没有提法。阅读政策文章时，研读会自动记下其中的提法。'}</p>
      ) : (
        <table>
          <thead>
            <tr><th>提法</th><th>文章数</th><th>出现次数</th><th>首次见到</th><th>最近见到</th></tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <tr key={f.text}>
                <td>
                  <button type="button" class="link" aria-expanded={open?.text === f.text} onClick={() => onOpen(f.text)}>{f.text}</button>
                  {open?.text === f.text && (
                    <ul class="sightings" aria-label={`“${f.text}”的出处`}>
                      {open.sightings.map((s) => (
                        <li key={s.id}>
                          <a href={s.url} target="_blank" rel="noopener noreferrer">{s.title || s.url}</a>（{s.count} 次）
                          {s.sentences.map((sentence, i) => (
                            <blockquote key={i}>{sentence}</blockquote>
                          ))}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{f.articles}</td>
                <td>{f.times}</td>
                <td>{formatDay(f.firstSeenAt)}</td>
                <td>{formatDay(f.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {onMore && <button type="button" onClick={onMore}>加载更多</button>}
    </section>
  );
}
