/*
 * Excel's custom functions =APA.RAW, =APA.SCORE, =APA.TIER, =APA.NEXT, =APA.TOTAL, =APA.VALUE
 * (namespace APA: manifest.xml, Functions.Namespace).
 *
 * custom-functions-metadata-plugin reads this file: from each JSDoc block it writes the function's
 * entry in functions.json (what Excel's formula autocomplete shows) and it appends
 * `CustomFunctions.associate("SCORE", score)` etc. to this module when webpack bundles it. So the
 * functions stay plain top-level declarations, thin wrappers over the one adapter
 * (./excel-adapter.ts), which calls the core registry (core/functions.ts).
 *
 * The help here is English, as the generator reads it; the build writes functions.json (English)
 * and functions-bn.json (Bengali) with the registry's texts, moves each `@helpurl` (its heading on
 * the help page, written for the dev server) to the add-in's host, and adds
 * `allowErrorForDataTypeAny` (addin/tools/function-metadata.ts, which stops the build when this
 * file and the registry disagree). test/addin/build.test.ts checks the built files.
 *
 * Ranges are typed any[][] so a whole column is one argument and one call; an omitted optional
 * argument arrives as null. Nothing here is volatile or streaming.
 */
import { createExcelAdapter, officeErrors } from './excel-adapter';

const excel = createExcelAdapter(officeErrors());

/**
 * Raw score (0–100) of each indicator
 * @customfunction RAW
 * @helpurl https://localhost:3000/help/functions.html#aparaw
 * @param achievement The achievement column (one cell per indicator)
 * @param targets Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param [unit] Unit (date, %, count); inferred from the targets when omitted
 * @param [mode] "interpolate" (default) or "floor"
 * @returns {any[][]} One raw score per row.
 */
export function raw(achievement: any[][], targets: any[][], unit?: any[][], mode?: string): any[][] {
  return excel.column('RAW', [achievement, targets, unit, mode]);
}

/**
 * Weighted score of each indicator (raw × weight ÷ 100)
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help/functions.html#apascore
 * @param achievement The achievement column (one cell per indicator)
 * @param targets Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param weight Indicator weights
 * @param [unit] Unit (date, %, count); inferred from the targets when omitted
 * @param [mode] "interpolate" (default) or "floor"
 * @returns {any[][]} One score per row.
 */
export function score(achievement: any[][], targets: any[][], weight: any[][], unit?: any[][], mode?: string): any[][] {
  return excel.column('SCORE', [achievement, targets, weight, unit, mode]);
}

/**
 * Tier reached by each indicator
 * @customfunction TIER
 * @helpurl https://localhost:3000/help/functions.html#apatier
 * @param achievement The achievement column (one cell per indicator)
 * @param targets Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param [unit] Unit (date, %, count); inferred from the targets when omitted
 * @param [language] "bn" (default) or "en"
 * @returns {any[][]} One tier name per row.
 */
export function tier(achievement: any[][], targets: any[][], unit?: any[][], language?: string): any[][] {
  return excel.column('TIER', [achievement, targets, unit, language]);
}

/**
 * The achievement (value or date) that reaches the next tier
 * @customfunction NEXT
 * @helpurl https://localhost:3000/help/functions.html#apanext
 * @param achievement The achievement column (one cell per indicator)
 * @param targets Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param [unit] Unit (date, %, count); inferred from the targets when omitted
 * @returns {any[][]} One value or date (a serial number: format the column as a date) per row.
 */
export function next(achievement: any[][], targets: any[][], unit?: any[][]): any[][] {
  return excel.column('NEXT', [achievement, targets, unit]);
}

/**
 * The plan's percent (score ÷ weight × 100)
 * @customfunction TOTAL
 * @helpurl https://localhost:3000/help/functions.html#apatotal
 * @param achievement The achievement column (one cell per indicator)
 * @param targets Target cells: 1, 3 or 5 tiers per row (100% / 100-80-60% / 100-90-80-70-60%)
 * @param weight Indicator weights
 * @param [unit] Unit (date, %, count); inferred from the targets when omitted
 * @param [na] Not applicable: "rescale" (default), "full" or "zero"
 * @returns {any} The percent; blank while nothing can be scored yet.
 */
export function total(achievement: any[][], targets: any[][], weight: any[][], unit?: any[][], na?: string): any {
  return excel.value('TOTAL', [achievement, targets, weight, unit, na]);
}

/**
 * A typed value as a number or a date
 * @customfunction VALUE
 * @helpurl https://localhost:3000/help/functions.html#apavalue
 * @param text Typed values: ১৬/০৩/২০২৫, ৯০.৫৯%, ১,২০০
 * @param [unit] Unit (date, %, count); inferred from the targets when omitted
 * @returns {any[][]} The numbers and dates (serial numbers), cell by cell.
 */
export function value(text: any[][], unit?: any[][]): any[][] {
  return excel.column('VALUE', [text, unit]);
}
