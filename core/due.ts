import { Day, isoOfDay } from './dates';
import type { Cadence, Directive } from './directives';
import { digits, message } from './messages';
import type { Problem } from './plan';
import type { IndicatorScore, Status, TierReached } from './score';

/**
 * An office's plan held against the ministry's minutes on a day (SCORING.md §10): per indicator
 * the deadline that matters, the days left, and its status — done (the top tier reached, or a
 * date achieved on or before the minutes' last deadline), overdue (a deadline has passed and the
 * achievement is empty or below the top tier), due (the next deadline is ahead), no deadline
 * (nothing dated in the minutes), or n/a (the sheet says it does not apply) — with the evidence
 * the minutes ask for, whether the sheet says it is attached, and the plan's own tier dates.
 */

export type DueStatus = 'done' | 'due' | 'overdue' | 'no-deadline' | 'na';

/** What the due logic needs of an indicator: a small interface, so that any host's reading
 * (a Plan's scored indicator, a pane's sheet) can be held against the minutes. */
export interface DueIndicator {
  /** ASCII id without brackets, as the plan holds it. */
  id: string;
  name: string;
  status: Status;
  tier: TierReached | null;
  /** The achievement when it is a date (a date indicator done on a day), else null. */
  achievedDay: Day | null;
  /** The achievement cell holds nothing yet. */
  empty: boolean;
  /** The plan's own tier target dates, best tier first (date indicators; else empty). */
  planDates: Day[];
  /** The sheet says the evidence is attached (true), is not (false), or says nothing (null). */
  evidenceAttached: boolean | null;
}

export interface DueItem {
  id: string;
  name: string;
  /** The deadline the status is about: the latest one passed when overdue, the next one
   * ahead when due, the next (else the last) when done; null when there is none. */
  deadline: Day | null;
  /** deadline − today; negative once passed. */
  daysLeft: number | null;
  status: DueStatus;
  /** What the minutes say is due at `deadline` (the sentence that holds its date). */
  text: string | null;
  /** The next deadline ahead (for an overdue indicator with more deadlines to come). */
  next: Day | null;
  cadence: Cadence | null;
  evidence: string[];
  evidenceAttached: boolean | null;
  planDates: Day[];
}

/** The decisions on one indicator, from however many rows of the minutes name it. */
interface Merged {
  deadlines: { day: Day; text: string }[];
  evidence: string[];
  cadence: Cadence | null;
}

function mergeById(directives: Directive[]): Map<string, Merged> {
  const byId = new Map<string, Merged>();
  for (const d of directives) {
    if (!d.id) continue;
    const m = byId.get(d.id) ?? { deadlines: [], evidence: [], cadence: null };
    for (const x of d.deadlines) if (!m.deadlines.some((y) => y.day === x.day)) m.deadlines.push({ day: x.day, text: x.text });
    for (const e of d.evidence) if (!m.evidence.includes(e)) m.evidence.push(e);
    m.cadence ??= d.cadence;
    byId.set(d.id, m);
  }
  for (const m of byId.values()) m.deadlines.sort((a, b) => a.day - b.day);
  return byId;
}

/** Every indicator of a plan held against the minutes on `today`, in the plan's order; and a
 * warning for each indicator the minutes decide on that the plan does not have. */
export function holdAgainstMinutes(indicators: DueIndicator[], directives: Directive[], today: Day, sheet = ''): { items: DueItem[]; problems: Problem[] } {
  const byId = mergeById(directives);
  const items = indicators.map((ind) => dueItem(ind, byId.get(ind.id), today));
  const have = new Set(indicators.map((i) => i.id));
  const problems: Problem[] = [];
  for (const id of byId.keys()) {
    if (!have.has(id)) problems.push({ code: 'directive-not-in-plan', severity: 'warning', sheet, cell: '', indicatorId: id, message: message('directive-not-in-plan', { id: digits(`[${id}]`) }) });
  }
  return { items, problems };
}

function dueItem(ind: DueIndicator, m: Merged | undefined, today: Day): DueItem {
  const base = {
    id: ind.id,
    name: ind.name,
    cadence: m?.cadence ?? null,
    evidence: m?.evidence ?? [],
    evidenceAttached: ind.evidenceAttached,
    planDates: ind.planDates,
  };
  const deadlines = m?.deadlines ?? [];
  const ahead = deadlines.find((d) => d.day >= today) ?? null;
  const passed = deadlines.filter((d) => d.day < today);
  const at = (d: { day: Day; text: string } | null, status: DueStatus): DueItem => ({
    ...base,
    status,
    deadline: d?.day ?? null,
    daysLeft: d ? d.day - today : null,
    text: d?.text ?? null,
    next: ahead?.day ?? null,
  });
  if (ind.status === 'na') return at(ahead ?? deadlines[deadlines.length - 1] ?? null, 'na');
  if (deadlines.length === 0) return at(null, 'no-deadline');
  const last = deadlines[deadlines.length - 1];
  const top = ind.status === 'scored' && ind.tier === 'excellent';
  const onTime = ind.achievedDay !== null && ind.achievedDay <= last.day;
  if (top || onTime) return at(ahead ?? last, 'done');
  if (passed.length > 0) return at(passed[passed.length - 1], 'overdue');
  return at(ahead, 'due');
}

/** A scored indicator as the due logic reads it. */
export function dueIndicator(s: IndicatorScore): DueIndicator {
  const ind = s.indicator;
  return {
    id: ind.id,
    name: ind.name,
    status: s.status,
    tier: s.tier,
    achievedDay: s.achievement.kind === 'date' ? s.achievement.day : null,
    empty: s.achievement.kind === 'empty',
    planDates: ind.targets.flatMap((t) => (t.value.kind === 'date' ? [t.value.day] : [])),
    evidenceAttached: ind.evidence === 'yes' ? true : ind.evidence === 'no' ? false : null,
  };
}

/** A due item as the `apa due --json` document writes it (ISO dates). */
export function dueItemJson(i: DueItem) {
  const iso = (d: Day | null) => (d === null ? null : isoOfDay(d));
  return {
    id: i.id,
    name: i.name,
    deadline: iso(i.deadline),
    daysLeft: i.daysLeft,
    status: i.status,
    text: i.text,
    next: iso(i.next),
    cadence: i.cadence,
    evidence: i.evidence,
    evidenceAttached: i.evidenceAttached,
    planDates: i.planDates.map(isoOfDay),
  };
}
