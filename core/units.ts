import { Unit, Value, unitFromText } from './values';

export interface UnitResolution {
  unit: Unit;
  /** 'missing': no unit given, the targets decided; 'contradicted': the targets overrode it. */
  issue: 'missing' | 'contradicted' | null;
}

// Excel serials of 2000-01-01 and 2100-01-01: date cells reach custom functions as these.
const SERIAL_FIRST = 36_526;
const SERIAL_LAST = 73_051;

/** The unit column decides unless the targets contradict it (SCORING.md §3): unit সংখ্যা with
 * every target a date is a date indicator, with a warning. */
export function resolveUnit(unitText: string, targets: Value[], formatsUnknown = false): UnitResolution {
  return resolveUnitOf(unitText, targets, (v) => v, formatsUnknown);
}

/** `resolveUnit` over any list that holds the target values (the reader's targets themselves:
 * no array of values is made per row). */
export function resolveUnitOf<T>(unitText: string, targets: readonly T[], valueOf: (t: T) => Value, formatsUnknown = false): UnitResolution {
  const stated = unitFromText(unitText);
  // What the targets are: all dates, all numbers (some with %), or a mix (no verdict).
  let dates = 0;
  let numbers = 0;
  let percents = 0;
  let serials = 0;
  for (let i = 0; i < targets.length; i++) {
    const v = valueOf(targets[i]);
    if (v.kind === 'date') dates++;
    else if (v.kind === 'number') {
      numbers++;
      if (v.percent) percents++;
      else if (Number.isInteger(v.value) && v.value >= SERIAL_FIRST && v.value < SERIAL_LAST) serials++;
    }
  }
  let fromTargets: Unit | null = null;
  if (dates > 0 && numbers === 0) fromTargets = 'date';
  else if (numbers > 0 && dates === 0) fromTargets = formatsUnknown && serials === numbers ? 'date' : percents > 0 ? 'percent' : 'count';
  if (!stated) return fromTargets ? resolution(fromTargets, 'missing') : resolution('count', null);
  if (!fromTargets) return resolution(stated, null);
  // Without formats a date target is a bare serial number: a stated date unit stands.
  if (formatsUnknown && stated === 'date' && fromTargets !== 'percent') return resolution('date', null);
  const contradicts = (stated === 'date') !== (fromTargets === 'date') || (stated === 'count' && fromTargets === 'percent');
  return contradicts ? resolution(fromTargets, 'contradicted') : resolution(stated, null);
}

// Every row resolves its unit: the nine possible answers are made once, frozen.
const UNITS = ['date', 'percent', 'count'] as const;
const ISSUES = ['missing', 'contradicted', null] as const;
const RESOLUTIONS: UnitResolution[] = UNITS.flatMap((unit) => ISSUES.map((issue) => Object.freeze({ unit, issue })));
function resolution(unit: Unit, issue: UnitResolution['issue']): UnitResolution {
  return RESOLUTIONS[UNITS.indexOf(unit) * 3 + ISSUES.indexOf(issue)];
}
