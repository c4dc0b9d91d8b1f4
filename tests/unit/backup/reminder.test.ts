import { describe, expect, test } from 'vitest';
import { INITIAL_REMINDER_STATE, backupReminderDue, markBackupReminder, settleBackupReminder } from '@/lib/backup';

describe('the backup reminder rule', () => {
  test.each([
    ['49 new notes', INITIAL_REMINDER_STATE, 49, false],
    ['50 new notes', INITIAL_REMINDER_STATE, 50, true],
    ['50 since the last backup at 120', { enabled: true, notesAtLastMark: 120 }, 170, true],
    ['49 since the last backup at 120', { enabled: true, notesAtLastMark: 120 }, 169, false],
    ['turned off', { enabled: false, notesAtLastMark: 0 }, 500, false],
    ['fewer notes than at the mark', { enabled: true, notesAtLastMark: 80 }, 30, false],
  ])('%s → remind: %s', (_case, state, count, due) => {
    expect(backupReminderDue(state, count)).toBe(due);
  });

  test('after a reminder or a backup, the next comes 50 notes later', () => {
    const marked = markBackupReminder(INITIAL_REMINDER_STATE, 50);
    expect(backupReminderDue(marked, 99)).toBe(false);
    expect(backupReminderDue(marked, 100)).toBe(true);
  });

  test('after deletions, counting resumes from what is there', () => {
    const settled = settleBackupReminder({ enabled: true, notesAtLastMark: 80 }, 30);
    expect(settled.notesAtLastMark).toBe(30);
    expect(backupReminderDue(settled, 80)).toBe(true);
    expect(settleBackupReminder(settled, 60)).toBe(settled);
  });
});
