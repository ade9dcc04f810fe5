import type { Bilingual, Language } from '../core';
import { render } from '../core/messages';

/** Texts only the command-line tool shows (usage, progress, reasons a file cannot be read,
 * table labels), in the same {bn, en} shape as core's MESSAGES. Everything about a sheet's
 * content comes from core's catalogue. */
export const CLI_MESSAGES = {
  // Why a file could not be read (the {reason} of core's 'file-unreadable').
  'unreadable.empty': { bn: 'ফাইলটি খালি (০ বাইট)', en: 'the file is empty (0 bytes)' },
  'unreadable.missing': { bn: 'ফাইলটি পাওয়া যায়নি', en: 'no such file' },
  'unreadable.directory': { bn: 'এটি একটি ফোল্ডার, ফাইল নয়', en: 'it is a folder, not a file' },
  'unreadable.io': { bn: 'ফাইলটি খোলা যায়নি ({detail})', en: 'the file could not be opened ({detail})' },
  'unreadable.encrypted': {
    bn: 'ফাইলটি পাসওয়ার্ড দিয়ে সুরক্ষিত; পাসওয়ার্ড সরিয়ে আবার সংরক্ষণ করুন',
    en: 'the workbook is password-protected; remove the password in Excel and save it again',
  },
  'unreadable.xls': {
    bn: 'এটি পুরনো Excel 97-2003 (.xls) ফাইল; Excel-এ খুলে .xlsx হিসেবে সংরক্ষণ করুন',
    en: 'it is an old Excel 97-2003 (.xls) workbook; open it in Excel and save it as .xlsx',
  },
  'unreadable.ods': {
    bn: 'এটি OpenDocument (.ods) ফাইল; .xlsx হিসেবে সংরক্ষণ করুন',
    en: 'it is an OpenDocument (.ods) spreadsheet; save it as .xlsx',
  },
  'unreadable.other-office': {
    bn: 'এটি Excel ওয়ার্কবুক নয় ({kind} ফাইল)',
    en: 'it is not an Excel workbook (a {kind} file)',
  },
  'unreadable.text': {
    bn: 'এটি লেখা (টেক্সট) ফাইল, Excel ওয়ার্কবুক নয়; CSV হলে নাম .csv দিন',
    en: 'it is a text file, not an Excel workbook; if it is CSV, name it .csv',
  },
  'unreadable.not-zip': {
    bn: 'এটি Excel (.xlsx) ওয়ার্কবুক নয় বা ফাইলটি নষ্ট',
    en: 'it is not an Excel (.xlsx) workbook, or the file is damaged',
  },
  'unreadable.corrupt': {
    bn: 'ফাইলটি নষ্ট বা অসম্পূর্ণ ({detail})',
    en: 'the workbook is damaged or incomplete ({detail})',
  },
  'unreadable.too-large': {
    bn: 'ফাইলটি খুললে {limit}-এর বেশি হয় (সম্ভবত ক্ষতিকর বা নষ্ট ফাইল); পড়া হয়নি',
    en: 'the file unpacks to more than {limit} (likely a zip bomb or a broken file); not read',
  },
  'unreadable.not-utf8': {
    bn: 'CSV ফাইলটি UTF-8 নয়; Excel-এ "CSV UTF-8" হিসেবে সংরক্ষণ করুন',
    en: 'the CSV file is not UTF-8; save it from Excel as "CSV UTF-8"',
  },
  'unreadable.binary-csv': {
    bn: 'ফাইলটির নাম .csv, কিন্তু এটি লেখা (টেক্সট) ফাইল নয়',
    en: 'the file is named .csv but is not a text file',
  },
  'unreadable.unsupported': {
    bn: 'এই ধরনের ফাইল পড়া যায় না ({ext}); .xlsx বা .csv দিন',
    en: 'this kind of file cannot be read ({ext}); give an .xlsx or .csv file',
  },
  'unreadable.worker': { bn: 'ফাইলটি পড়ার সময় সমস্যা হয়েছে ({detail})', en: 'reading the file failed ({detail})' },
  'sheet-failed': { bn: 'শিটটি পড়ার সময় অভ্যন্তরীণ ত্রুটি ({detail})', en: 'internal error while reading this sheet ({detail})' },
  'no-sheets': { bn: 'ওয়ার্কবুকে কোনো ওয়ার্কশিট নেই', en: 'the workbook has no worksheets' },
  'no-plan-in-file': {
    bn: 'ফাইলের কোনো শিটে কর্মপরিকল্পনার সারণি নেই',
    en: 'no sheet of the file holds a plan table',
  },

  // Usage.
  usage: {
    en: `APA Sheets: score Annual Performance Agreement (APA) progress sheets.

Usage:
  apa score FILE|FOLDER... [--json] [--mode interpolate|floor] [--na rescale|full|zero] [--final] [--bn]
      Score every plan sheet of every .xlsx/.csv file (a folder: its .xlsx/.csv files).
  apa check FILE|FOLDER... [--json] [--bn]
      List the problems of every plan sheet; exit 1 when any is an error.
  apa consolidate FILE|FOLDER... -o OUT.xlsx [--json] [--mode ...] [--na ...] [--final] [--bn]
      Score every office and write a ranked summary workbook (summary, indicators, problems).
  apa help
      Show this text.

Options:
  --json           print one JSON document instead of a table
  --mode MODE      between two tiers: interpolate (default) or floor (the worse tier's percent)
  --na RULE        not applicable: rescale (default, weight left out), full (full weight), zero
  --final          final evaluation: pending indicators count as 0
  --bn             Bengali labels and digits (and a Bengali consolidated workbook)
  -o, --output F   the workbook consolidate writes
  --jobs N         worker threads for many files (default: the number of CPU cores)

Exit codes: 0 ok; 1 a file could not be read or holds no plan, or (check) an error was found;
2 wrong usage.`,
    bn: `APA Sheets: বার্ষিক কর্মসম্পাদন চুক্তির (APA) অগ্রগতি শিটের মূল্যায়ন।

ব্যবহার:
  apa score ফাইল|ফোল্ডার... [--json] [--mode interpolate|floor] [--na rescale|full|zero] [--final] [--bn]
      প্রতিটি .xlsx/.csv ফাইলের (ফোল্ডার হলে তার .xlsx/.csv ফাইলগুলোর) প্রতিটি কর্মপরিকল্পনা শিটের নম্বর।
  apa check ফাইল|ফোল্ডার... [--json] [--bn]
      প্রতিটি শিটের সমস্যার তালিকা; কোনো ত্রুটি থাকলে প্রস্থান কোড ১।
  apa consolidate ফাইল|ফোল্ডার... -o OUT.xlsx [--json] [--mode ...] [--na ...] [--final] [--bn]
      সব দপ্তরের নম্বর দিয়ে ক্রমানুসারে সারসংক্ষেপ ওয়ার্কবুক (সারসংক্ষেপ, সূচক, সমস্যা) তৈরি।
  apa help
      এই লেখা দেখায়।

অপশন:
  --json           সারণির বদলে একটি JSON ডকুমেন্ট
  --mode MODE      দুই স্তরের মাঝে: interpolate (রৈখিক অনুপাত, পূর্বনির্ধারিত) বা floor (নিচের স্তরের মান)
  --na RULE        প্রযোজ্য নয়: rescale (মান বাদ দিয়ে, পূর্বনির্ধারিত), full (পূর্ণ মান), zero (শূন্য)
  --final          চূড়ান্ত মূল্যায়ন: অপেক্ষমাণ সূচক = ০
  --bn             বাংলা লেবেল ও অঙ্ক (এবং বাংলা সারসংক্ষেপ ওয়ার্কবুক)
  -o, --output F   consolidate যে ওয়ার্কবুক লিখবে
  --jobs N         অনেক ফাইলের জন্য ওয়ার্কার থ্রেড (পূর্বনির্ধারিত: CPU কোর সংখ্যা)

প্রস্থান কোড: ০ ঠিক আছে; ১ কোনো ফাইল পড়া যায়নি বা তাতে কর্মপরিকল্পনা নেই, অথবা (check) ত্রুটি পাওয়া গেছে;
২ ভুল ব্যবহার।`,
  },
  'usage.unknown-option': { bn: 'অজানা অপশন: {option}', en: 'unknown option: {option}' },
  'usage.unknown-command': { bn: 'অজানা কমান্ড: {command}', en: 'unknown command: {command}' },
  'usage.missing-value': { bn: '{option}-এর পরে একটি মান দিন', en: '{option} needs a value' },
  'usage.bad-value': { bn: '{option}-এর মান "{value}" সঠিক নয় ({allowed})', en: 'bad value "{value}" for {option} ({allowed})' },
  'usage.no-inputs': { bn: 'কোনো ফাইল বা ফোল্ডার দেওয়া হয়নি', en: 'no file or folder given' },
  'usage.no-output': { bn: 'consolidate-এর জন্য -o OUT.xlsx দিন', en: 'consolidate needs -o OUT.xlsx' },
  'usage.output-not-xlsx': { bn: 'আউটপুট ফাইলের নাম .xlsx দিয়ে শেষ হতে হবে: {file}', en: 'the output file must end in .xlsx: {file}' },
  'usage.not-for-command': { bn: '{option} অপশনটি {command} কমান্ডে চলে না', en: '{option} does not apply to {command}' },
  'output.is-input': { bn: '{file} একটি ইনপুট ফাইল; আউটপুট হিসেবে অন্য নাম দিন', en: '{file} is one of the inputs; give the output another name' },
  'output.is-folder': { bn: '{file} একটি ফোল্ডার; আউটপুট হিসেবে একটি .xlsx ফাইলের নাম দিন', en: '{file} is a folder; give an .xlsx file name for the output' },
  'output.not-ours': {
    bn: '{file} আগে থেকেই আছে এবং এটি apa-র লেখা নয়; মুছে ফেলুন বা অন্য নাম দিন (ফাইলটি বদলানো হয়নি)',
    en: '{file} exists and was not written by apa; delete it or choose another name (the file was not touched)',
  },

  // Progress and results.
  progress: { bn: '\r[{done}/{total}] ফাইল, সেকেন্ডে {rate}টি', en: '\r[{done}/{total}] files, {rate}/s' },
  'input.missing': { bn: '{file}: পাওয়া যায়নি', en: '{file}: no such file or folder' },
  'input.empty-folder': { bn: '{file}: ফোল্ডারে কোনো .xlsx বা .csv ফাইল নেই', en: '{file}: the folder has no .xlsx or .csv files' },
  'input.nothing': { bn: 'পড়ার মতো কোনো ফাইল নেই', en: 'no files to read' },
  'write-failed': { bn: '{file} লেখা যায়নি: {detail}', en: 'could not write {file}: {detail}' },
  wrote: {
    bn: '{file} লেখা হয়েছে: {offices}টি দপ্তর, {skipped}টি বাদ, {problems}টি সমস্যা ({errors}টি ত্রুটি)',
    en: 'Wrote {file}: {offices} offices, {skipped} skipped, {problems} problems ({errors} errors)',
  },
  'chart-skipped': {
    bn: 'দ্রষ্টব্য: ফাইলে চার্ট লেখা হয়নি (ExcelJS চার্ট লিখতে পারে না)',
    en: 'note: the bar chart is not written to files (ExcelJS cannot write charts)',
  },
  'check.summary': {
    bn: '{files}টি ফাইল, {sheets}টি শিট: {errors}টি ত্রুটি, {warnings}টি সতর্কতা, {infos}টি তথ্য',
    en: '{files} files, {sheets} sheets: {errors} errors, {warnings} warnings, {infos} notes',
  },
  'check.clean': { bn: 'কোনো সমস্যা নেই', en: 'no problems' },

  // Table labels.
  'label.office': { bn: 'দপ্তর', en: 'Office' },
  'label.layout': { bn: 'বিন্যাস', en: 'Layout' },
  'label.fiscal-year': { bn: 'অর্থবছর', en: 'Fiscal year' },
  'label.quarter': { bn: 'ত্রৈমাসিক', en: 'Quarter' },
  'label.unknown': { bn: 'অজানা', en: 'unknown' },
  'label.skipped': { bn: 'বাদ', en: 'skipped' },
  'label.unreadable': { bn: 'পড়া যায়নি', en: 'unreadable' },
  'label.rules': { bn: 'নিয়ম', en: 'Rules' },
  'col.id': { bn: 'সূচক', en: 'ID' },
  'col.unit': { bn: 'একক', en: 'Unit' },
  'col.weight': { bn: 'মান', en: 'Weight' },
  'col.raw': { bn: 'কাঁচা', en: 'Raw' },
  'col.score': { bn: 'নম্বর', en: 'Score' },
  'col.status': { bn: 'অবস্থা', en: 'Status' },
  'col.tier': { bn: 'স্তর', en: 'Tier' },
  'col.name': { bn: 'কর্মসম্পাদন সূচক', en: 'Indicator' },
  'col.rank': { bn: 'ক্রম', en: 'Rank' },
  'col.percent': { bn: 'শতাংশ', en: 'Percent' },
  'status.scored': { bn: 'নম্বর', en: 'scored' },
  'status.pending': { bn: 'অপেক্ষমাণ', en: 'pending' },
  'status.na': { bn: 'প্রযোজ্য নয়', en: 'n/a' },
  'status.in-words': { bn: 'কথায় লেখা', en: 'in words' },
  'status.invalid': { bn: 'হিসাবযোগ্য নয়', en: 'not scorable' },
  'layout.five-tier': { bn: '৫ স্তর', en: 'five-tier' },
  'layout.three-tier': { bn: '৩ স্তর', en: 'three-tier' },
  'layout.single-target': { bn: 'একক লক্ষ্যমাত্রা', en: 'single target' },
  'layout.row-pairs': { bn: 'লক্ষ্যমাত্রা/অর্জন সারি-জোড়া', en: 'target/achievement row pairs' },
  'layout.one-row-tiers': { bn: 'এক সারিতে স্তর ও শতাংশ', en: 'tiers and percents in one header row' },
  'label.plan': { bn: 'পরিকল্পনা', en: 'Plan' },
  'total.marks': { bn: 'এ পর্যন্ত প্রাপ্ত নম্বর: {applicable}-এর মধ্যে {score} ({percent})', en: 'marks so far: {score} of {applicable} ({percent})' },
  total: {
    bn: 'মোট: {score} / {max} = {percent}',
    en: 'Total: {score} of {max} = {percent}',
  },
  'total.none': { bn: 'মোট: কোনো সূচকের নম্বর হয়নি', en: 'Total: nothing could be scored' },
  'total.plan': { bn: 'পরিকল্পনার নম্বর {planScore} / {weight}', en: 'plan score {planScore} of {weight}' },
  'total.counts': {
    bn: 'অপেক্ষমাণ {pending}, কথায় লেখা {inWords}, প্রযোজ্য নয় {na}, হিসাবযোগ্য নয় {invalid}',
    en: '{pending} pending, {inWords} in words, {na} n/a, {invalid} not scorable',
  },
  'total.to-date': { bn: 'এ পর্যন্ত (অপেক্ষমাণ সূচক বাদে)', en: 'to date (pending indicators left out)' },
  'total.final': { bn: 'চূড়ান্ত', en: 'final' },
  'total.complete': { bn: 'সম্পূর্ণ', en: 'complete' },
} as const satisfies Record<string, Bilingual>;

export type CliMessageKey = keyof typeof CLI_MESSAGES;
export type CliParam = string | number | Bilingual;

/** A CLI text in both languages, with its parameters filled in. */
export function cliMessage(key: CliMessageKey, params: Record<string, CliParam> = {}): Bilingual {
  const t = CLI_MESSAGES[key];
  return { bn: render(t.bn, params, 'bn'), en: render(t.en, params, 'en') };
}

/** A CLI text in one language. */
export function cliText(key: CliMessageKey, language: Language, params: Record<string, CliParam> = {}): string {
  return render(CLI_MESSAGES[key][language], params, language);
}
