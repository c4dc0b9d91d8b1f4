/**
 * Settings: the reader as a member of a 支部 (姓名, 支部). Their 学习包 carry
 * these names, and the 学习笔记 heads the reader's own part with them. Saved
 * when a field is left (change event). Props in, callbacks out.
 */
import type { JSX } from 'preact';
import { MAX_MEMBER_NAME_CHARS } from '@/lib/sync/study-pack';

export interface MemberSectionProps {
  /** The saved name. */
  name: string;
  /** The saved 支部. */
  branch: string;
  /** What happened last, or null. */
  message: string | null;
  /** The reader changed a field (called when the field is left). */
  onChange: (name: string, branch: string) => void;
}

export function MemberSection(props: MemberSectionProps): JSX.Element {
  return (
    <section aria-labelledby="member-heading">
      <h2 id="member-heading">本人信息</h2>
      <p>导出学习包和学习笔记时署名使用；只保存在本机。</p>
      <div class="member">
        <label>
          姓名
          <input
            type="text"
            maxLength={MAX_MEMBER_NAME_CHARS}
            value={props.name}
            onChange={(e) => props.onChange(e.currentTarget.value, props.branch)}
          />
        </label>
        <label>
          支部
          <input
            type="text"
            maxLength={MAX_MEMBER_NAME_CHARS}
            placeholder="如：机关第一党支部"
            value={props.branch}
            onChange={(e) => props.onChange(props.name, e.currentTarget.value)}
          />
        </label>
      </div>
      {props.message && <p class="member-message" aria-live="polite">{props.message}</p>}
    </section>
  );
}
