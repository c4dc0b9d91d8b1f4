/**
 * The storage keys of the preferences the reader reads at a page's start (lib/reader/preferences.ts defines the
 * items on them). Apart, with nothing else, so that the early storage read (lib/reader/page-start.ts) carries no
 * more than the names into its own small script.
 */
import type { LocalKey } from '../storage';

/** Kinds of automatic marks the reader wants marked at all (settings page). */
export const MARK_KINDS_KEY: LocalKey = 'local:markKinds';
/** Colour per kind of automatic mark chosen in settings. */
export const KIND_COLORS_KEY: LocalKey = 'local:kindColors';
