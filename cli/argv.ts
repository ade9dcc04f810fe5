import { Day, dayOfIso } from '../core/dates';
import type { CliMessageKey, CliParam } from './messages';

/** A command line the tool cannot run: the catalogue's words for why (the usage text follows). */
export class UsageError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Record<string, CliParam> = {},
  ) {
    super(key);
  }
}

/** One option as typed: `--name`, `--name=value` or `--name value`. */
export interface OptionArg {
  /** The option's name, without `=value`. */
  name: string;
  /** The argument as typed. */
  arg: string;
  /** The option's value (after `=`, else the next argument); a UsageError when there is none. */
  value(): string;
  /** For an option that takes no value: a UsageError when one was given with `=`. */
  flag(): void;
}

/**
 * Walks `argv` from `from`: every input (anything not starting with `-`, a lone `-`, and all
 * after `--`) to `onInput`, every option to `onOption`, which reads its value when it takes one.
 */
export function walkArgs(argv: readonly string[], from: number, onInput: (input: string) => void, onOption: (option: OptionArg) => void): void {
  let optionsEnded = false;
  for (let i = from; i < argv.length; i++) {
    const a = argv[i];
    if (optionsEnded || !a.startsWith('-') || a === '-') {
      onInput(a);
      continue;
    }
    if (a === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    onOption({
      name,
      arg: a,
      value: () => {
        if (eq > 0) return a.slice(eq + 1);
        const v = argv[i + 1];
        if (v === undefined || (v.startsWith('-') && v.length > 1)) throw new UsageError('usage.missing-value', { option: name });
        i++;
        return v;
      },
      flag: () => {
        if (eq > 0) throw new UsageError('usage.bad-value', { option: name, value: a.slice(eq + 1), allowed: '—' });
      },
    });
  }
}

/** `--today YYYY-MM-DD`: the day, or a UsageError naming what was typed. */
export function todayArg(option: OptionArg): Day {
  const v = option.value();
  const day = dayOfIso(v);
  if (day === null) throw new UsageError('usage.bad-today', { value: v });
  return day;
}
