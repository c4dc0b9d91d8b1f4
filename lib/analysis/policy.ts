/**
 * isPolicy and its score, from the text's own signals (never from the site):
 * the weighted vocabulary of party and government texts against that of
 * ordinary news (data/policy-vocabulary.ts), the title's genre, an author line
 * such as （作者：…组织部长）, and the structure the detectors found
 * (directive series, parallel leads). One regex pass over at most SAMPLE_CHARS characters.
 */
import { POLICY_TERMS, POLICY_TITLE_TERMS } from './data/policy-vocabulary';
import type { DetectedItem } from './types';

/**
 * Every policy term in one alternation, longest first, so that at each place
 * the longest term wins (中国特色社会主义 before 社会主义). A regex scan runs as
 * native code from the first call; a character loop over the sample would run
 * in the interpreter on a freshly loaded page.
 */
const TERMS = new RegExp(
  Object.keys(POLICY_TERMS)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
/** The weights by term: a Map answers a lookup by a Chinese key faster than an object in dictionary mode. */
const WEIGHTS: ReadonlyMap<string, number> = new Map(Object.entries(POLICY_TERMS));
/**
 * The vocabulary is weighed over at most this many characters: enough to
 * tell the register of a text, and it keeps the cost flat for long texts.
 */
const SAMPLE_CHARS = 8000;

const TITLE_TERMS = new RegExp(POLICY_TITLE_TERMS.join('|'));
/** An author line naming an office: （作者：中共石景山区委常委、组织部长）. */
const AUTHOR_OFFICE = /[（(]作者[：:][^）)\n]{0,40}(?:书记|部长|主任|主席|常委|委员|局长|厅长|市长|省长|县长)[^）)\n]{0,10}[）)]/;
/**
 * Texts shorter than this are scored as if they had this length: a short text
 * with two party words is not as certain as a long one full of them.
 */
const MIN_SCORED_CHARS = 600;
/** Vocabulary weight per 1000 characters at which a text is as likely policy as not. */
const DENSITY_MIDPOINT = 9;
/** How sharply the score rises around the midpoint (per unit of density). */
const DENSITY_SLOPE = 0.35;
/** Density added when the title names a policy genre (决议, 通告, 讲话…). */
const TITLE_BONUS = 6;
/** Density added by an author line naming a party or government office. */
const AUTHOR_BONUS = 8;
/** Density added per structural item (directive series, lead), up to STRUCTURE_CAP. */
const STRUCTURE_BONUS = 1.5;
/** Most density the structure may add: business texts enumerate too. */
const STRUCTURE_CAP = 6;

/** What policy.ts concludes about a text. */
export interface PolicyVerdict {
  /** Whether the text is a policy text (score ≥ 0.5). */
  isPolicy: boolean;
  /** 0..1. */
  score: number;
}

/** Weighs the signals of `text` (folded) and its `title`; `items` are what the detectors found. */
export function judgePolicy(text: string, title: string | null, items: readonly DetectedItem[]): PolicyVerdict {
  const sampled = Math.min(text.length, SAMPLE_CHARS);
  let weight = 0;
  TERMS.lastIndex = 0;
  for (let m = TERMS.exec(text); m !== null && m.index < sampled; m = TERMS.exec(text)) weight += WEIGHTS.get(m[0])!;
  let density = (weight * 1000) / Math.max(sampled, MIN_SCORED_CHARS);
  if (title && TITLE_TERMS.test(title)) density += TITLE_BONUS;
  if (AUTHOR_OFFICE.test(text)) density += AUTHOR_BONUS;
  const seriesIds = new Set<number>();
  let leads = 0;
  for (const item of items) {
    if (item.kind === 'directive') seriesIds.add(item.series);
    else if (item.kind === 'lead') leads++;
  }
  const series = seriesIds.size;
  density += Math.min(STRUCTURE_CAP, (series + leads) * STRUCTURE_BONUS);
  const score = 1 / (1 + Math.exp(-DENSITY_SLOPE * (density - DENSITY_MIDPOINT)));
  return { isPolicy: score >= 0.5, score: Math.round(score * 1000) / 1000 };
}
