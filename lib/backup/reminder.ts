/**
 * When to remind the reader to make a backup: after every 50 new notes since
 * the last backup (or the last reminder, so a dismissed reminder waits for the
 * next 50), unless the reader turned reminders off. Pure: the caller keeps the
 * state (in settings) and the note count.
 */

/** New notes between two reminders. */
export const NOTES_PER_REMINDER = 50;

/** What the reminder rule remembers. */
export interface BackupReminderState {
  /** False when the reader turned reminders off. */
  enabled: boolean;
  /** The number of notes when the reader last backed up or was last reminded. */
  notesAtLastMark: number;
}

/** The state of a new installation: reminders on, counting from zero notes. */
export const INITIAL_REMINDER_STATE: BackupReminderState = { enabled: true, notesAtLastMark: 0 };

/** Whether to remind now, with `noteCount` notes stored. */
export function backupReminderDue(state: BackupReminderState, noteCount: number, every: number = NOTES_PER_REMINDER): boolean {
  return state.enabled && noteCount - state.notesAtLastMark >= every;
}

/**
 * The state after a backup was made or a reminder shown, with `noteCount` notes
 * stored: counting starts again from there.
 */
export function markBackupReminder(state: BackupReminderState, noteCount: number): BackupReminderState {
  return { ...state, notesAtLastMark: noteCount };
}

/**
 * Keeps the mark at or below the note count: after the reader deleted notes,
 * counting resumes from what is there rather than waiting to win them back.
 */
export function settleBackupReminder(state: BackupReminderState, noteCount: number): BackupReminderState {
  return noteCount < state.notesAtLastMark ? { ...state, notesAtLastMark: noteCount } : state;
}
