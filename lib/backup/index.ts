/**
 * Backup and restore for the notebook and options pages:
 * `exportBackup(db, { signal, onProgress })` → a JSON file (bytes, name, MIME);
 * `importBackup(db, fileOrText, { signal, onProgress })` → what was added,
 * updated and skipped, or a BackupError whose message the reader can read.
 */
export { BACKUP_MIME, exportBackup, importBackup, type ImportSummary } from './backup';
export { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type BackupErrorCode, type BackupFile } from './format';
export { parseBackup } from './parse';
export {
  INITIAL_REMINDER_STATE,
  NOTES_PER_REMINDER,
  backupReminderDue,
  markBackupReminder,
  settleBackupReminder,
  type BackupReminderState,
} from './reminder';
