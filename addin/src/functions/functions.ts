/*
 * Excel's custom functions =APA.RAW, =APA.SCORE, =APA.TIER, =APA.NEXT, =APA.TOTAL, =APA.VALUE
 * (namespace APA: manifest.xml, Functions.Namespace).
 *
 * custom-functions-metadata-plugin reads this file: from each JSDoc block it writes the function's
 * entry in functions.json (what Excel's formula autocomplete shows) and it appends
 * `CustomFunctions.associate("SCORE", score)` etc. to this module when webpack bundles it. So the
 * functions stay plain top-level declarations, thin wrappers over the one adapter
 * (./excel-adapter.ts), which calls the core registry (core/functions.ts). The help texts are the
 * registry's, Bengali then English; test/addin/build.test.ts checks they match.
 *
 * Ranges are typed any[][] so a whole column is one argument and one call; an omitted optional
 * argument arrives as null. Nothing here is volatile or streaming.
 */
import { createExcelAdapter, officeErrors } from './excel-adapter';

const excel = createExcelAdapter(officeErrors());

/**
 * প্রতি সূচকের কাঁচা নম্বর (০–১০০) · Raw score (0–100) of each indicator
 * @customfunction RAW
 * @param achievement অর্জনের কলাম (প্রতি সূচকে একটি ঘর) · The achievement column (one cell per indicator)
 * @param targets লক্ষ্যমাত্রার ঘর: প্রতি সারিতে ১, ৩ বা ৫টি স্তর (১০০% / ১০০-৮০-৬০% / ১০০-৯০-৮০-৭০-৬০%) · Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param [unit] একক (তারিখ, %, সংখ্যা); না দিলে লক্ষ্যমাত্রা থেকে · Unit (date, %, count); inferred from the targets when omitted
 * @param [mode] "interpolate" (ডিফল্ট) বা "floor" · "interpolate" (default) or "floor"
 * @returns {any[][]} One raw score per row.
 */
export function raw(achievement: any[][], targets: any[][], unit?: any[][], mode?: string): any[][] {
  return excel.column('RAW', [achievement, targets, unit, mode]);
}

/**
 * প্রতি সূচকের প্রাপ্ত নম্বর (কাঁচা নম্বর × মান ÷ ১০০) · Weighted score of each indicator (raw × weight ÷ 100)
 * @customfunction SCORE
 * @param achievement অর্জনের কলাম (প্রতি সূচকে একটি ঘর) · The achievement column (one cell per indicator)
 * @param targets লক্ষ্যমাত্রার ঘর: প্রতি সারিতে ১, ৩ বা ৫টি স্তর (১০০% / ১০০-৮০-৬০% / ১০০-৯০-৮০-৭০-৬০%) · Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param weight কর্মসম্পাদন সূচকের মান · Indicator weights
 * @param [unit] একক (তারিখ, %, সংখ্যা); না দিলে লক্ষ্যমাত্রা থেকে · Unit (date, %, count); inferred from the targets when omitted
 * @param [mode] "interpolate" (ডিফল্ট) বা "floor" · "interpolate" (default) or "floor"
 * @returns {any[][]} One score per row.
 */
export function score(achievement: any[][], targets: any[][], weight: any[][], unit?: any[][], mode?: string): any[][] {
  return excel.column('SCORE', [achievement, targets, weight, unit, mode]);
}

/**
 * প্রতি সূচকের অর্জিত স্তর · Tier reached by each indicator
 * @customfunction TIER
 * @param achievement অর্জনের কলাম (প্রতি সূচকে একটি ঘর) · The achievement column (one cell per indicator)
 * @param targets লক্ষ্যমাত্রার ঘর: প্রতি সারিতে ১, ৩ বা ৫টি স্তর (১০০% / ১০০-৮০-৬০% / ১০০-৯০-৮০-৭০-৬০%) · Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param [unit] একক (তারিখ, %, সংখ্যা); না দিলে লক্ষ্যমাত্রা থেকে · Unit (date, %, count); inferred from the targets when omitted
 * @param [language] "bn" (ডিফল্ট) বা "en" · "bn" (default) or "en"
 * @returns {any[][]} One tier name per row.
 */
export function tier(achievement: any[][], targets: any[][], unit?: any[][], language?: string): any[][] {
  return excel.column('TIER', [achievement, targets, unit, language]);
}

/**
 * পরের স্তরে পৌঁছাতে যে অর্জন (মান বা তারিখ) দরকার · The achievement (value or date) that reaches the next tier
 * @customfunction NEXT
 * @param achievement অর্জনের কলাম (প্রতি সূচকে একটি ঘর) · The achievement column (one cell per indicator)
 * @param targets লক্ষ্যমাত্রার ঘর: প্রতি সারিতে ১, ৩ বা ৫টি স্তর (১০০% / ১০০-৮০-৬০% / ১০০-৯০-৮০-৭০-৬০%) · Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param [unit] একক (তারিখ, %, সংখ্যা); না দিলে লক্ষ্যমাত্রা থেকে · Unit (date, %, count); inferred from the targets when omitted
 * @returns {any[][]} One value or date (a serial number: format the column as a date) per row.
 */
export function next(achievement: any[][], targets: any[][], unit?: any[][]): any[][] {
  return excel.column('NEXT', [achievement, targets, unit]);
}

/**
 * পরিকল্পনার মোট শতাংশ (প্রাপ্ত নম্বর ÷ মান × ১০০) · The plan's percent (score ÷ weight × 100)
 * @customfunction TOTAL
 * @param achievement অর্জনের কলাম (প্রতি সূচকে একটি ঘর) · The achievement column (one cell per indicator)
 * @param targets লক্ষ্যমাত্রার ঘর: প্রতি সারিতে ১, ৩ বা ৫টি স্তর (১০০% / ১০০-৮০-৬০% / ১০০-৯০-৮০-৭০-৬০%) · Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param weight কর্মসম্পাদন সূচকের মান · Indicator weights
 * @param [unit] একক (তারিখ, %, সংখ্যা); না দিলে লক্ষ্যমাত্রা থেকে · Unit (date, %, count); inferred from the targets when omitted
 * @param [na] প্রযোজ্য নয়: "rescale" (ডিফল্ট), "full" বা "zero" · Not applicable: "rescale" (default), "full" or "zero"
 * @returns {any} The percent; blank while nothing can be scored yet.
 */
export function total(achievement: any[][], targets: any[][], weight: any[][], unit?: any[][], na?: string): any {
  return excel.value('TOTAL', [achievement, targets, weight, unit, na]);
}

/**
 * লেখা মানকে সংখ্যা বা তারিখে রূপান্তর · A typed value as a number or a date
 * @customfunction VALUE
 * @param text লেখা মান: ১৬/০৩/২০২৫, ৯০.৫৯%, ১,২০০ · Typed values: ১৬/০৩/২০২৫, ৯০.৫৯%, ১,২০০
 * @param [unit] একক (তারিখ, %, সংখ্যা); না দিলে লক্ষ্যমাত্রা থেকে · Unit (date, %, count); inferred from the targets when omitted
 * @returns {any[][]} The numbers and dates (serial numbers), cell by cell.
 */
export function value(text: any[][], unit?: any[][]): any[][] {
  return excel.column('VALUE', [text, unit]);
}
