/** Mounts the selection toolbar and the rest of the reader's own notes UI (see notes-ui.tsx). */
export { mountNotesUi as mountSelectionUi } from './notes-ui';
