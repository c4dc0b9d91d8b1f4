/**
 * The page contract of DESIGN.md: attributes on <html> that say the reader
 * script has finished, whether the page is a policy text, how long it took,
 * and where that time went.
 */

/** The reader's phases, in the order `data-yd-phases` lists them. */
export const PHASES = ['extract', 'analyse', 'mark', 'notes'] as const;
export type Phase = (typeof PHASES)[number];
/** Milliseconds spent in each phase of one run. */
export type PhaseTimes = Record<Phase, number>;

/** What the reader script found, for the page attributes. */
export interface PageOutcome {
  /** Whether the page is a policy article. */
  isPolicy: boolean;
  /** Milliseconds from the script's start to done. */
  elapsedMs: number;
  /** Milliseconds per phase (`data-yd-phases`); phases not run count 0. */
  phases?: Partial<PhaseTimes>;
}

/** A phase clock: `time('extract', () => …)` adds the call's duration to the phase. */
export class PhaseClock {
  readonly times: PhaseTimes = { extract: 0, analyse: 0, mark: 0, notes: 0 };

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `work`, adding its duration to `phase`. */
  time<T>(phase: Phase, work: () => T): T {
    const start = this.now();
    try {
      return work();
    } finally {
      this.times[phase] += this.now() - start;
    }
  }

  /** Awaits `work`, adding the time until it settles to `phase`. */
  async timeAsync<T>(phase: Phase, work: Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await work;
    } finally {
      this.times[phase] += this.now() - start;
    }
  }
}

/** `extract:1.2,analyse:3.4,mark:0.9,notes:0.0` (milliseconds, one decimal, every phase). */
export function formatPhases(phases: Partial<PhaseTimes>): string {
  return PHASES.map((phase) => `${phase}:${(phases[phase] ?? 0).toFixed(1)}`).join(',');
}

/** Reads `data-yd-phases` back (the benchmark and tests); null when absent or malformed. */
export function parsePhases(value: string | null): PhaseTimes | null {
  if (!value) return null;
  const times: Partial<PhaseTimes> = {};
  for (const part of value.split(',')) {
    const match = /^(\w+):(\d+(?:\.\d+)?)$/.exec(part);
    if (!match || !(PHASES as readonly string[]).includes(match[1]!)) return null;
    times[match[1] as Phase] = Number(match[2]);
  }
  return PHASES.every((phase) => phase in times) ? (times as PhaseTimes) : null;
}

/** Marks the page as done (`data-yd-state`, `data-yd-policy`, `data-yd-ms`, `data-yd-phases`). */
export function markPageDone(html: Element, outcome: PageOutcome): void {
  html.setAttribute('data-yd-policy', String(outcome.isPolicy));
  html.setAttribute('data-yd-ms', outcome.elapsedMs.toFixed(1));
  html.setAttribute('data-yd-phases', formatPhases(outcome.phases ?? {}));
  html.setAttribute('data-yd-state', 'done');
}
