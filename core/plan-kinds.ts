import type { PlanKind } from './tiers';

/**
 * The plans an office keeps (SCORING.md §1), as their titles name them. Next to its main APA
 * (বার্ষিক কর্মসম্পাদন চুক্তি) an office keeps action plans that are part of it, and their titles
 * often name the APA too (`বার্ষিক কর্মসম্পাদন চুক্তির অংশ হিসেবে ই-গভর্ন্যান্স ও উদ্ভাবন
 * কর্মপরিকল্পনা`): an action plan's name decides over the APA's. `word` entries (short Latin
 * abbreviations) must stand as words (`egov` in `000-mopa-egov-2021-22-q1`).
 */
export const PLAN_KIND_WORDS: { kind: PlanKind; part: string[]; word: string[] }[] = [
  {
    kind: 'e-governance',
    part: ['ই-গভর্ন্যান্স', 'ই-গভর্নেন্স', 'ই-গভার্নেন্স', 'ইগভর্ন্যান্স', 'ই-গভর্ণেন্স', 'ই-গভর্ন্যান্স', 'e-governance', 'e-government', 'egovernance'],
    word: ['egov', 'e-gov'],
  },
  { kind: 'innovation', part: ['উদ্ভাবন কর্মপরিকল্পনা', 'উদ্ভাবনী কর্মপরিকল্পনা', 'innovation action plan', 'innovation plan'], word: ['innovation'] },
  { kind: 'integrity', part: ['শুদ্ধাচার', 'national integrity', 'integrity strategy'], word: ['nis', 'integrity'] },
  { kind: 'grievance', part: ['অভিযোগ প্রতিকার', 'grievance redress', 'grievance'], word: ['grs'] },
  {
    kind: 'citizen-charter',
    part: ['সেবা প্রদান প্রতিশ্রুতি', 'সেবাপ্রদান প্রতিশ্রুতি', 'সিটিজেন্স চার্টার', 'সিটিজেন চার্টার', "citizen's charter", 'citizens charter', 'citizen charter'],
    word: [],
  },
  { kind: 'rti', part: ['তথ্য অধিকার', 'right to information'], word: ['rti'] },
  { kind: 'apa', part: ['বার্ষিক কর্মসম্পাদন চুক্তি', 'annual performance agreement'], word: ['apa', 'এপিএ'] },
];

/** When a title names two of these, the first listed here is not the plan: e-Governance and
 * Innovation names innovation too. */
export const SUBSUMED: [PlanKind, PlanKind][] = [['e-governance', 'innovation']];
