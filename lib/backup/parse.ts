/**
 * Reads and checks a backup file completely, before anything is written: a
 * wrong file (not ours, not JSON), a cut one (truncated download), one from a
 * newer version, or one with a bad record is refused with a message saying so.
 */
import * as v from 'valibot';
import { withoutDerived } from '../db/database';
import {
  BACKUP_VERSION,
  BackupError,
  EnvelopeSchema,
  MarkerSchema,
  TABLE_LABELS,
  TABLE_SCHEMAS,
  UnknownRecordSchema,
  type BackupFile,
} from './format';

/** Appended to every refusal: the reader's data is safe. */
export const NOTHING_CHANGED = '现有数据未作任何更改。';
/** The primary key field of each known table, to refuse a file that lists one record twice. */
const KNOWN_KEYS: Record<string, string> = { articles: 'key', annotations: 'id', tags: 'name' };

function refuse(code: BackupError['code'], message: string): never {
  throw new BackupError(code, `${message}${NOTHING_CHANGED}`);
}

/** The file's text: refuses bytes that are not UTF-8 text (`what` names the file for the message). */
export async function readText(input: string | Uint8Array | Blob, what: string = '研读的备份文件'): Promise<string> {
  if (typeof input === 'string') return input;
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not-backup', `这不是${what}（文件不是文本，可能选错了文件）。`);
  }
}

/** The first schema issue as `path：message`, for a refusal. */
export function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${where ? `${where}：` : ''}${issue?.message ?? '格式无效'}`;
}

/** Parses and checks `input` (the file's text or bytes). Throws BackupError; never returns a partial file. */
export async function parseBackup(input: string | Uint8Array | Blob): Promise<BackupFile> {
  const text = (await readText(input)).replace(/^\uFEFF/, '').trim();
  if (text === '') refuse('empty', '备份文件是空的。');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (text.startsWith('{') && !text.endsWith('}')) refuse('truncated', '备份文件不完整（可能下载或复制时被截断），无法导入。');
    if (text.startsWith('{')) refuse('invalid', '备份文件已损坏（JSON 格式错误），无法导入。');
    refuse('not-backup', '这不是研读的备份文件（不是 JSON 格式）。');
  }
  const marker = v.safeParse(MarkerSchema, json);
  if (!marker.success) refuse('not-backup', '这不是研读的备份文件（缺少研读备份标记）。');
  if (marker.output.version > BACKUP_VERSION) {
    refuse('newer', `这个备份由更新版本的研读导出（格式版本 ${marker.output.version}），请先更新扩展再导入。`);
  }
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) refuse('invalid', `备份文件格式有误（${issueText(envelope.issues)}）。`);

  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const [name, records] of Object.entries(envelope.output.tables)) {
    const label = TABLE_LABELS[name] ?? name;
    const expected = envelope.output.counts[name];
    if (expected !== records.length) {
      refuse('truncated', `备份文件不完整：${label}应有 ${expected ?? '?'} 条，实际只有 ${records.length} 条。`);
    }
    const schema = TABLE_SCHEMAS[name] ?? UnknownRecordSchema;
    const keyField = KNOWN_KEYS[name];
    const seen = new Set<unknown>();
    tables[name] = records.map((record, i) => {
      const result = v.safeParse(schema, record);
      if (!result.success) refuse('invalid', `备份文件内容有误：${label}第 ${i + 1} 条（${issueText(result.issues)}）。`);
      if (keyField !== undefined) {
        const key = result.output[keyField];
        if (seen.has(key)) refuse('invalid', `备份文件内容有误：${label}第 ${i + 1} 条与前面的重复。`);
        seen.add(key);
      }
      return withoutDerived(result.output);
    });
  }
  const articleKeys = new Set((tables.articles ?? []).map((a) => a.key));
  const orphan = (tables.annotations ?? []).findIndex((a) => !articleKeys.has(a.articleKey));
  if (orphan >= 0) refuse('invalid', `备份内容不一致：第 ${orphan + 1} 条笔记所属的文章不在备份中。`);
  return { ...envelope.output, tables };
}
