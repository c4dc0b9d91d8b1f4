/**
 * The four kinds of automatic marks (DESIGN.md §1; LABELING.md), with
 * everything every layer says about them: the order settings and the panel show
 * them in, their Chinese labels and hints, their default colours and page
 * style. Adding a kind is one row here (plus its detector in lib/analysis).
 */

/** The four kinds of automatic marks; `data-kind` on their `<yd-mark>`s. */
export type ItemKind = 'directive' | 'lead' | 'slogan' | 'parallel';

/** One kind of automatic mark. */
export interface KindInfo {
  /** The kind. */
  kind: ItemKind;
  /** Its name in the panel's switches and in settings (DESIGN.md: 提纲 / 举措 / 提法 / 排比). */
  label: string;
  /** Its default colour ("#rrggbb"), for the colour pickers in settings. */
  color: string;
  /** The page style of its marks by default (declarations inside `yd-mark[data-kind=…] { }`). */
  markStyle: string;
}

/** Every kind, in the order settings and the panel show them. */
export const KINDS: readonly KindInfo[] = [
  {
    kind: 'lead',
    label: '提纲',
    color: '#4285f4',
    markStyle: 'background: rgba(66, 133, 244, 0.14) !important;',
  },
  {
    kind: 'directive',
    label: '举措',
    color: '#d68c00',
    markStyle: 'background: rgba(255, 196, 0, 0.22) !important; box-shadow: inset 0 -2px rgba(214, 140, 0, 0.55);',
  },
  {
    kind: 'slogan',
    label: '提法',
    color: '#db4437',
    markStyle: 'background: rgba(219, 68, 55, 0.12) !important; box-shadow: inset 0 -1px rgba(219, 68, 55, 0.5);',
  },
  {
    kind: 'parallel',
    label: '排比',
    color: '#0f9d58',
    markStyle: 'background: rgba(15, 157, 88, 0.13) !important;',
  },
];

/** Every kind, in the order settings show them. */
export const ALL_KINDS: readonly ItemKind[] = KINDS.map((info) => info.kind);

/** The kinds marked when the reader has not chosen (all of them). */
export const DEFAULT_MARK_KINDS: readonly ItemKind[] = ALL_KINDS;

/** What each kind is, in a sentence (settings; apart from KINDS so the reader script's bundle leaves it out). */
export const KIND_HINTS: Readonly<Record<ItemKind, string>> = {
  lead: '排比段首（要把……摆在更加突出的位置）',
  directive: '分条举措（一是……二是……、（一）（二））',
  slogan: '提法（“四个全面”“一岗双责”）',
  parallel: '排比短语（听民意、解民忧、排民难）',
};

/** Each kind's default colour (close to the page style's defaults), for the colour pickers. */
export const DEFAULT_KIND_COLORS: Readonly<Record<ItemKind, string>> = Object.fromEntries(
  KINDS.map((info) => [info.kind, info.color]),
) as Record<ItemKind, string>;

/** Colour per kind chosen in settings ("#rrggbb"); kinds left out keep the default style. */
export type KindColors = Partial<Record<ItemKind, string>>;

