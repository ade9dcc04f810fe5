import { toBengaliDigits } from './bengali-digits';
import { Day, ymdOfDay } from './dates';
import type { Directive } from './directives';
import { Language, message, MESSAGES } from './messages';

/**
 * The minutes' deadlines as an iCalendar file (RFC 5545) that Outlook and Google Calendar
 * import: one all-day event per deadline (`DTSTART;VALUE=DATE`, floating: the day is the day
 * wherever the calendar is, as a deadline in Asia/Dhaka is meant), its summary the indicator
 * and topic, its description what is due and the evidence to send. Lines end in CRLF and are
 * folded at 75 octets of UTF-8 without splitting a character; text is escaped. UIDs come from
 * the decision itself and DTSTAMP from the day given, so two runs give the same file.
 */

export interface CalendarEvent {
  uid: string;
  day: Day;
  summary: string;
  description: string;
}

/** One event per deadline of the directives (a date named twice for one indicator, once). */
export function deadlineEvents(directives: Directive[], language: Language): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  const seen = new Set<string>();
  const num = (s: string) => (language === 'bn' ? toBengaliDigits(s) : s);
  for (const d of directives) {
    const id = d.id ? num(`[${d.id}]`) : '';
    for (const x of d.deadlines) {
      const key = `${d.id}|${x.day}|${d.id ? '' : d.topic}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const lines = [
        `${id} ${d.topic}`.trim(),
        message('ics.due', { text: x.text })[language],
        d.evidence.length ? message('ics.evidence', { items: d.evidence.join(', ') })[language] : MESSAGES['ics.no-evidence'][language],
      ];
      if (d.cadence) lines.push(message('ics.cadence', { cadence: MESSAGES[`cadence.${d.cadence}`] })[language]);
      events.push({
        uid: `${compactDate(x.day)}-${d.id || 'topic'}-${hash(`${d.topic}\n${x.text}`)}@apa-sheets`,
        day: x.day,
        summary: message('ics.summary', { id, topic: shorten(d.topic, 80) })[language].trim(),
        description: lines.join('\n'),
      });
    }
  }
  return events.sort((a, b) => a.day - b.day || (a.uid < b.uid ? -1 : 1));
}

/** The calendar file's text. `stamp` is the day the calendar is made (DTSTAMP, midnight UTC). */
export function icsCalendar(events: CalendarEvent[], options: { name: string; stamp: Day }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//APA Sheets//Minutes deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    'X-WR-TIMEZONE:Asia/Dhaka',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${compactDate(options.stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${compactDate(e.day)}`,
      `DTEND;VALUE=DATE:${compactDate(e.day + 1)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** TEXT as RFC 5545 §3.3.11 escapes it: backslash, semicolon, comma, line break. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded (RFC 5545 §3.1): no line longer than 75 octets of UTF-8, each
 * continuation starting with one space, never inside a character — and, where the line allows,
 * not inside a Bengali letter cluster (before a vowel sign, after a virama), which a calendar
 * that shows the lines unfolded badly would break. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let chars: string[] = [];
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    const limit = out.length === 0 ? 75 : 74; // a continuation's leading space is an octet
    if (octets + size > limit) {
      // Break at the last place a cluster ends, if the line has one.
      let cut = chars.length;
      for (let i = chars.length; i > 0; i--) {
        if (breakable(chars[i - 1], chars[i] ?? ch)) {
          cut = i;
          break;
        }
      }
      out.push(chars.slice(0, cut).join(''));
      chars = chars.slice(cut);
      octets = chars.reduce((n, c) => n + utf8Length(c), 0);
    }
    chars.push(ch);
    octets += size;
  }
  out.push(chars.join(''));
  return out.join('\r\n ');
}

const JOINS_PREVIOUS = /[\p{M}\u200c\u200d]/u;
/** A line may break between `before` and `after`: not before a combining mark or joiner, not
 * after a virama or joiner. */
function breakable(before: string, after: string): boolean {
  return !JOINS_PREVIOUS.test(after) && before !== '\u09cd' && before !== '\u200d' && before !== '\u200c';
}

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function compactDate(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${year}${String(month).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

/** FNV-1a of a text, 8 hex digits: the same decision gives the same UID in every run. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}
