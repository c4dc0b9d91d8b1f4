/**
 * The reader as a member of a 支部: name (姓名), 支部, and a random id made
 * once, which tells this reader's 学习包 apart from another member's of the
 * same name. Kept in extension storage; set on the settings page.
 */
import { storage } from '../storage';
import type { NoteAuthor } from '../model/records';
import { randomUuid } from '../uuid';

/** The stored profile; the id is empty until first needed. */
export const memberItem = storage.defineItem<NoteAuthor>('local:member', { fallback: { id: '', name: '', branch: '' } });

/** The reader's profile, with its id made and stored on first use. */
export async function currentMember(): Promise<NoteAuthor> {
  const member = await memberItem.getValue();
  if (member.id !== '') return member;
  const made = { ...member, id: randomUuid() };
  await memberItem.setValue(made);
  return made;
}

/** Saves name and 支部, keeping the id. */
export async function saveMemberNames(name: string, branch: string): Promise<NoteAuthor> {
  const member = await currentMember();
  const next = { ...member, name: name.trim(), branch: branch.trim() };
  await memberItem.setValue(next);
  return next;
}

/** Members whose 学习包 this reader imported, for the notebook's member filter (latest names kept). */
export const knownMembersItem = storage.defineItem<NoteAuthor[]>('local:knownMembers', { fallback: [] });

/** Adds or renames `member` in the known members. */
export async function rememberMember(member: NoteAuthor): Promise<void> {
  const known = await knownMembersItem.getValue();
  await knownMembersItem.setValue([...known.filter((m) => m.id !== member.id), member]);
}
