/**
 * The reader's in-page preferences, kept in extension storage so every page
 * opens the way the reader left the last one: panel collapsed or open, and
 * which kinds of marks are switched off.
 */
import { storage } from '../storage';
import { DEFAULT_MARK_KINDS, type ItemKind, type KindColors } from '../model/kinds';
import { KIND_COLORS_KEY, MARK_KINDS_KEY } from './preference-keys';

/** Whether the reader last collapsed (true) or opened (false) the outline panel; null before any choice. */
export const panelCollapsedItem = storage.defineItem<boolean | null>('local:panelCollapsed', { fallback: null });

/** Kinds of automatic marks the reader switched off. */
export const hiddenKindsItem = storage.defineItem<ItemKind[]>('local:hiddenKinds', { fallback: [] });

/** Kinds of automatic marks the reader wants marked at all (settings page); the others are neither marked nor listed. */
export const markKindsItem = storage.defineItem<ItemKind[]>(MARK_KINDS_KEY, {
  fallback: [...DEFAULT_MARK_KINDS],
});

/** Colour ("#rrggbb") per kind of automatic mark chosen in settings; kinds left out keep the default. */
export const kindColorsItem = storage.defineItem<KindColors>(KIND_COLORS_KEY, { fallback: {} });
