/** The task pane, rendered to HTML in Node (no DOM here): labels in Bengali by default and in
 * English, and each section's result views over real core results. Clicks are in browser.test.ts. */
import path from 'node:path';
import { renderToString } from 'react-dom/server';
import { FluentProvider } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { readWorkbookGrids } from '../../cli/xlsx-grid';
import { allOffices, consolidate, groupTitle, officeSummary } from '../../core/consolidate';
import { formatDay, dayFromYmd } from '../../core/dates';
import { highlightKey, LEGEND_ORDER, PALETTE } from '../../core/highlight';
import { readPlan } from '../../core/layout';
import { Language, MESSAGES, MessageKey, message } from '../../core/messages';
import { formatNumber } from '../../core/bengali-digits';
import { Plan } from '../../core/plan';
import { scorePlan } from '../../core/score';
import { validatePlan } from '../../core/validate';
import type { CheckResult, ConsolidateResult, NextResult, WorkbookOperations } from '../../core/operations';
import { AddOfficeFiles } from '../../pane/AddOfficeFiles';
import { App } from '../../pane/App';
import { ConsolidationView } from '../../pane/ConsolidationView';
import { LanguageContext } from '../../pane/i18n';
import { IndicatorList } from '../../pane/IndicatorList';
import { Legend } from '../../pane/Legend';
import { PlanSummary } from '../../pane/PlanSummary';
import { ProblemList } from '../../pane/ProblemList';
import { NextList } from '../../pane/WhatNeeded';
import { daysLeft, errorText, unitValue } from '../../pane/format';
import { isDark, paneTheme as theme, themeFor } from '../../pane/theme';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../../core/score';
import { languageOfLocale } from '../../core/preferences';
import { ErrorBar } from '../../pane/ErrorBar';
import { HighlightTiers } from '../../pane/HighlightTiers';
import { Settings } from '../../pane/Settings';
import { SettingsLine, cliFlags } from '../../pane/SettingsLine';
import { bindContext } from '../../pane/preferences';

const samples = path.join(__dirname, '..', '..', 'samples');

/** An operations object whose every call fails: rendering must not call any of them. */
const untouchable: WorkbookOperations = new Proxy({} as WorkbookOperations, {
  get: (_, name) => () => Promise.reject(new Error(`ops.${String(name)} called during render`)),
});

/** Visible text of rendered HTML: tags dropped, entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function render(el: ReactElement, language: Language = 'bn'): string {
  return textOf(
    renderToString(
      <LanguageContext.Provider value={language}>
        <FluentProvider theme={theme}>{el}</FluentProvider>
      </LanguageContext.Provider>,
    ),
  );
}

async function planOf(file: string): Promise<Plan[]> {
  const { grids } = await readWorkbookGrids(path.join(samples, file), file);
  return grids.flatMap((g) => {
    const r = readPlan(g);
    return r.kind === 'plan' ? [r.plan] : [];
  });
}

/** A CheckResult made from core's own results, the shape `checkActiveSheet` returns. */
function checkResultOf(plan: Plan): CheckResult {
  const scored = scorePlan(plan);
  const fy = plan.fiscalYear;
  return {
    sheet: plan.sheet,
    plan: {
      office: plan.office,
      kind: plan.kind,
      fiscalYear: fy === null ? null : `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`,
      quarter: plan.quarter,
      layout: plan.layout,
      headerRow: plan.headerRow,
    },
    totals: scored.totals,
    indicators: scored.indicators.map((s) => ({
      id: s.indicator.id,
      name: s.indicator.name,
      row: s.indicator.row,
      unit: s.indicator.unit,
      weight: s.indicator.weight,
      raw: s.raw,
      score: s.score,
      key: highlightKey(s.status, s.tier),
      cells: s.achievementCells,
    })),
    problems: validatePlan(plan, {}, scored),
  };
}

const t = (key: MessageKey, language: Language) => MESSAGES[key][language];

test('the catalogue has every task-pane text in both languages', () => {
  const keys = Object.keys(MESSAGES).filter((k) => k.startsWith('ui.')) as MessageKey[];
  expect(keys.length).toBeGreaterThan(50);
  expect(keys.filter((k) => !MESSAGES[k].bn.trim() || !MESSAGES[k].en.trim())).toEqual([]);
});

describe('the whole pane', () => {
  test('Bengali by default: title, language switch, every section tab, the first section', () => {
    const html = renderToString(<App ops={untouchable} />);
    const text = textOf(html);
    for (const key of ['ui.title', 'ui.language', 'ui.tab.check', 'ui.tab.columns', 'ui.tab.highlight', 'ui.tab.next', 'ui.tab.consolidate', 'ui.tab.files', 'ui.check.intro', 'ui.check.run'] as MessageKey[]) {
      expect(text).toContain(t(key, 'bn'));
    }
    expect(text).toContain('বাংলা');
    expect(text).toContain('English');
    expect(text).not.toContain(t('ui.check.run', 'en'));
    expect(html).toContain('lang="bn"');
  });

  test('in English when switched', () => {
    const html = renderToString(<App ops={untouchable} initialLanguage="en" />);
    const text = textOf(html);
    for (const key of ['ui.title', 'ui.language', 'ui.tab.check', 'ui.tab.consolidate', 'ui.tab.files', 'ui.check.run', 'ui.check.intro'] as MessageKey[]) {
      expect(text).toContain(t(key, 'en'));
    }
    expect(text).not.toContain(t('ui.check.intro', 'bn'));
    expect(html).toContain('lang="en"');
  });

  test('every section is a labelled tab panel; the file picker accepts .xlsx', () => {
    const html = renderToString(<App ops={untouchable} />);
    for (const id of ['check', 'columns', 'highlight', 'next', 'consolidate', 'files']) {
      expect(html).toMatch(new RegExp(`role="tabpanel"[^>]*aria-labelledby="tab-${id}"`));
      expect(html).toMatch(new RegExp(`role="tab"[^>]*id="tab-${id}"|id="tab-${id}"[^>]*role="tab"`));
    }
    // Only the first section is rendered at first; the others when opened.
    expect(html).not.toContain('data-testid="files-input"');
    const files = renderToString(
      <FluentProvider theme={theme}>
        <AddOfficeFiles ops={untouchable} />
      </FluentProvider>,
    );
    expect(files).toMatch(/type="file"[^>]*multiple[^>]*accept="\.xlsx/);
    expect(files).toContain(`aria-label="${t('ui.files.drop-zone', 'bn')}"`);
  });

  test('the legend shows the palette in LEGEND_ORDER with its colours', () => {
    const html = renderToString(
      <FluentProvider theme={theme}>
        <Legend />
      </FluentProvider>,
    );
    let at = -1;
    for (const key of LEGEND_ORDER) {
      const i = html.indexOf(`data-tier="${key}"`);
      expect(i).toBeGreaterThan(at);
      at = i;
      expect(html.toLowerCase()).toContain(`background-color:${PALETTE[key].fill.toLowerCase()}`);
      expect(textOf(html)).toContain(PALETTE[key].label.bn);
    }
  });
});

describe('Check this sheet, over core\'s result for office 002', () => {
  let result: CheckResult;
  beforeAll(async () => {
    const plans = await planOf('002-khulna-library.xlsx');
    result = checkResultOf(plans[0]);
  });

  test('office, year, quarter, layout, the percent as core formats it, the to-date note, the counts (Bengali)', () => {
    const text = render(<PlanSummary result={result} />);
    expect(text).toContain('বিভাগীয় সরকারি গণগ্রন্থাগার, খুলনা');
    expect(text).toContain('২০২৪-২৫');
    expect(text).toContain(message('ui.quarter', { quarter: 2 }).bn);
    expect(text).toContain(t('ui.layout.five-tier', 'bn'));
    expect(result.totals!.percent).toBeCloseTo(73.36, 2);
    expect(text).toContain(`${formatNumber(result.totals!.percent!, 'bn')}%`);
    expect(text).toContain('৭৩.৩৬%');
    // Three indicators are pending: "to date", and the sentence says how many.
    expect(text).toMatch(new RegExp(`\\(\\s*${t('ui.to-date-short', 'bn')}\\s*\\)`));
    expect(text).toContain(message('ui.check.pending-to-date', { count: 3 }).bn);
    expect(text).toContain(message('ui.check.invalid-left-out', { count: 1 }).bn);
    expect(text).toContain(message('ui.total.value', { score: formatNumber(result.totals!.score, 'bn'), max: formatNumber(result.totals!.max, 'bn') }).bn);
  });

  test('the same in English, with ASCII digits', () => {
    const text = render(<PlanSummary result={result} />, 'en');
    expect(text).toContain('73.36%');
    expect(text).toContain('2024-25');
    expect(text).toContain('Quarter 2');
    expect(text).toContain('Five-tier targets');
    expect(text).toContain('19.81 out of 27');
  });

  test('the problems: severity, the cell G17 as a button that goes there, the message in the pane\'s language', () => {
    const g17 = result.problems.find((p) => p.cell === 'G17')!;
    expect(g17).toBeDefined();
    const html = renderToString(
      <LanguageContext.Provider value="bn">
        <ProblemList problems={result.problems} onSelect={() => undefined} />
      </LanguageContext.Provider>,
    );
    expect(html).toMatch(/<button[^>]*aria-label="ঘর G17-এ যান"[^>]*>G17<\/button>/);
    expect(textOf(html)).toContain(textOf(g17.message.bn));
    expect(textOf(html)).toContain(t('severity.error', 'bn'));
    const en = render(<ProblemList problems={result.problems} onSelect={() => undefined} />, 'en');
    expect(en).toContain(textOf(g17.message.en));
    expect(en).toContain('Error');
  });

  test('the indicators with their tier chips in the palette\'s colours', () => {
    const html = renderToString(
      <LanguageContext.Provider value="bn">
        <IndicatorList indicators={result.indicators} />
      </LanguageContext.Provider>,
    );
    expect(textOf(html)).toContain('৪.১.২');
    for (const ind of result.indicators) expect(html).toContain(`data-tier="${ind.key}"`);
    const below = result.indicators.find((i) => i.id === '4.1.2')!;
    expect(below.key).toBe('below-fair');
    expect(html.toLowerCase()).toContain(`background-color:${PALETTE['below-fair'].fill.toLowerCase()}`);
  });
});

describe('Check this sheet, over core\'s result for office 000 (progress written in words, docs/rules.md §3, §5)', () => {
  let result: CheckResult;
  beforeAll(async () => {
    result = checkResultOf((await planOf('000-mopa-egov-2021-22-q1.xlsx'))[0]);
  });
  test('the plan\'s kind, the marks so far out of the plan\'s weight, and how many are reported in words', () => {
    const bn = render(<PlanSummary result={result} />);
    expect(bn).toContain(t('plan.e-governance', 'bn'));
    expect(bn).toContain(message('ui.marks.value', { score: 10, applicable: 50, percent: 20 }).bn);
    const en = render(<PlanSummary result={result} />, 'en');
    expect(en).toContain('e-Governance and Innovation Action Plan');
    expect(en).toContain('10 of 50 (20%)');
  });
  test('each sentence is shown as reported in words, in its own colour', () => {
    const html = renderToString(
      <LanguageContext.Provider value="bn">
        <IndicatorList indicators={result.indicators} />
      </LanguageContext.Provider>,
    );
    expect(result.indicators.filter((i) => i.key === 'in-words')).toHaveLength(11);
    expect(textOf(html)).toContain('কথায় লেখা');
    expect(html.toLowerCase()).toContain(`background-color:${PALETTE['in-words'].fill.toLowerCase()}`);
  });
});

describe('What is needed', () => {
  const today = dayFromYmd(2025, 3, 10)!;
  const result: NextResult = {
    sheet: 'অগ্রগতি',
    today,
    items: [
      {
        id: '1.1.1',
        name: 'উদ্ভাবনী ধারণা বাস্তবায়িত',
        unit: 'date',
        current: 'pending',
        next: { tier: 'below-fair', value: dayFromYmd(2025, 4, 13)!, daysLeft: 34 },
        top: { tier: 'excellent', value: dayFromYmd(2025, 3, 16)!, daysLeft: 6 },
        lapsed: null,
        due: null,
      },
      { id: '4.1.2', name: 'ই ফাইলে নোট নিষ্পত্তিকৃত', unit: 'percent', current: 'below-fair', next: { tier: 'fair', value: 70, daysLeft: null }, top: { tier: 'excellent', value: 100, daysLeft: null }, lapsed: null, due: null },
    ],
    invalid: [],
    atTop: 0,
    na: 0,
    minutes: null,
  };
  test('dates as dd/mm/yyyy with Bengali digits, days left, percents, tier names', () => {
    const text = render(<NextList result={result} />);
    expect(text).toContain('আজ ১০/০৩/২০২৫');
    expect(text).toContain('চলতি মানের নিম্নে: ১৩/০৪/২০২৫');
    expect(text).toContain('অসাধারণ: ১৬/০৩/২০২৫');
    expect(text).toContain('৩৪ দিন বাকি');
    expect(text).toContain('৬ দিন বাকি');
    expect(text).toContain('চলতি মান: ৭০%');
    expect(text).toContain('১.১.১');
  });
  test('in English', () => {
    const text = render(<NextList result={result} />, 'en');
    expect(text).toContain('Today is 10/03/2025');
    expect(text).toContain('Excellent: 16/03/2025');
    expect(text).toContain('34 days left');
    expect(text).toContain('Fair: 70%');
  });
  test('a sheet with no plan says so, as Check does', () => {
    const text = render(<NextList result={{ ...result, items: [], noPlan: { bn: 'কারণ', en: 'the reason' } }} />, 'en');
    expect(text).toContain('No plan was found on sheet "অগ্রগতি"');
    expect(text).toContain('the reason');
    expect(text).not.toContain('top tier already');
  });
  test('every tier date passed: no marks by date, and what the final evaluation gives, instead of "passed … days ago"', () => {
    const old = { ...result.items[0], next: { ...result.items[0].next, daysLeft: -598 }, top: { ...result.items[0].top, daysLeft: -626 }, lapsed: { raw: 0, score: 0, weight: 4, lastDate: dayFromYmd(2025, 4, 13)! } };
    const text = render(<NextList result={{ ...result, items: [old] }} />, 'en');
    expect(text).toContain('can no longer earn marks by date');
    expect(text).toContain('The final evaluation will give it 0%');
    expect(text).not.toContain('598');
  });
  test('invalid indicators listed with what to fix, not folded into "at the top tier"', () => {
    const fix = { bn: 'লক্ষ্যমাত্রা ঠিক করুন', en: 'Write the targets in order' };
    const text = render(<NextList result={{ ...result, items: [], invalid: [{ id: '2.1.1', name: 'সূচক', cell: 'H9', fix }], atTop: 3 }} />, 'en');
    expect(text).toContain('Cannot be scored (1)');
    expect(text).toContain('Write the targets in order');
    expect(text).toContain('H9');
    expect(text).not.toContain('Every indicator that can be scored is at the top tier');
    expect(text).toContain('3 at the top tier');
  });
  test('the helpers', () => {
    expect(unitValue(dayFromYmd(2024, 12, 1)!, 'date', 'bn')).toBe(formatDay(dayFromYmd(2024, 12, 1)!, 'bn'));
    expect(unitValue(61.54, 'percent', 'bn')).toBe('৬১.৫৪%');
    expect(unitValue(3, 'count', 'en')).toBe('3');
    expect(daysLeft(0, 'en')).toBe('Today is the last day');
    expect(daysLeft(1, 'en')).toBe('1 day left');
    expect(daysLeft(-3, 'en')).toBe('Passed 3 days ago');
    expect(daysLeft(-3, 'bn')).toBe('৩ দিন আগে পেরিয়ে গেছে');
    // A host's raw text is only ever the detail; our own text, when the error has one, is the message.
    expect(errorText(new Error('boom'))).toEqual({ message: null, detail: 'boom' });
    expect(errorText(Object.assign(new Error('Wait until the previous call completes.'), { code: 'InvalidOperation' }))).toEqual({ message: null, detail: 'InvalidOperation: Wait until the previous call completes.' });
    expect(errorText({ bn: 'ক', en: 'k' })).toEqual({ message: { bn: 'ক', en: 'k' }, detail: null });
    expect(errorText(Object.assign(new Error('x'), { bilingual: { bn: 'খ', en: 'kh' }, detail: 'Exception: boom' }))).toEqual({ message: { bn: 'খ', en: 'kh' }, detail: 'Exception: boom' });
    expect(errorText(undefined)).toEqual({ message: null, detail: null });
  });
});

describe('Consolidate: the offices ranked', () => {
  let result: ConsolidateResult;
  beforeAll(async () => {
    const files = ['000-mopa-egov-2021-22-q1.xlsx', '001-lged-egov-2022-23-q3.xlsx', '002-khulna-library.xlsx', '003-skt.xlsx'];
    const plans = (await Promise.all(files.map(planOf))).flat();
    const summaries = plans.map((p) => {
      const s = scorePlan(p);
      return officeSummary(s, validatePlan(p, {}, s));
    });
    const c = consolidate(summaries);
    result = { cancelled: false, consolidation: c, skipped: [{ sheet: 'নির্দেশনা', reason: message('not-a-plan', { reason: 'x' }) }], written: ['APA সারসংক্ষেপ'] };
  });
  test('group by group, each named, its offices in rank order with percents; the skipped tabs with their reasons', () => {
    const groups = result.consolidation!.groups;
    expect(allOffices(result.consolidation!)).toHaveLength(4);
    // The four seeds are of different years and quarters: no two are ranked side by side.
    expect(groups.length).toBeGreaterThan(1);
    const text = render(<ConsolidationView result={result} />);
    let at = -1;
    for (const g of groups) {
      const title = groupTitle(g).bn;
      const start = text.indexOf(title, at + 1);
      expect(start).toBeGreaterThan(at);
      at = start;
      for (const o of g.offices) {
        const i = text.indexOf(o.office, at);
        expect(i).toBeGreaterThan(at);
        at = i;
        if (o.assessed > 0 && o.percent !== null) expect(text).toContain(`${formatNumber(o.percent, 'bn')}%`);
      }
    }
    expect(text).toContain(message('ui.consolidate.skipped', { count: 1 }).bn);
    expect(text).toContain('নির্দেশনা');
    const en = render(<ConsolidationView result={result} />, 'en');
    for (const g of groups) expect(en).toContain(groupTitle(g).en);
    expect(en).toContain('Skipped tabs (1)');
  });

  test('nothing to consolidate is a warning, not a success', () => {
    const empty: ConsolidateResult = { cancelled: false, consolidation: consolidate([]), skipped: [], written: [], nothing: true };
    const text = render(<ConsolidationView result={empty} />, 'en');
    expect(text).toContain(message('consolidate.nothing').en);
    expect(text).not.toContain('offices consolidated');
  });
});

describe('pane states that say what they mean', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = (await planOf('002-khulna-library.xlsx'))[0];
  });
  const withTotals = (totals: Partial<CheckResult['totals'] & object>, settings = DEFAULT_SETTINGS): CheckResult => {
    const r = checkResultOf(plan);
    return { ...r, totals: { ...r.totals!, ...totals }, settings };
  };

  test('"to date" only while something is pending: an invalid indicator alone is named as left out, not "to date"', () => {
    const text = render(<PlanSummary result={withTotals({ pending: 0, invalid: 1, toDate: true })} />, 'en');
    expect(text).not.toMatch(/\(\s*to date\s*\)/);
    expect(text).not.toContain('percent to date');
    expect(render(<PlanSummary result={withTotals({ pending: 2, invalid: 0, toDate: true })} />, 'en')).toMatch(/\(\s*to date\s*\)/);
    expect(text).toContain(message('ui.check.invalid-left-out', { count: 1 }).en);
  });

  test('a final evaluation is never "to date"', () => {
    const text = render(<PlanSummary result={withTotals({ pending: 2, toDate: false }, { ...DEFAULT_SETTINGS, final: true })} />, 'en');
    expect(text).not.toContain('to date');
    expect(text).toContain(message('ui.settings.line', { mode: 'in proportion', na: 'left out', final: 'final evaluation' }).en);
  });

  test('a plan with nothing entered yet says so in a sentence, with no large "—" where the percent would be', () => {
    const html = renderToString(
      <LanguageContext.Provider value="bn">
        <FluentProvider theme={theme}>
          <PlanSummary result={withTotals({ percent: null, score: 0, max: 0, scored: 0, pending: 12, invalid: 0, na: 0, planScore: null })} />
        </FluentProvider>
      </LanguageContext.Provider>,
    );
    expect(html).not.toContain('data-testid="plan-percent"');
    expect(textOf(html)).toContain(t('ui.check.nothing-entered', 'bn'));
    const invalid = render(<PlanSummary result={withTotals({ percent: null, scored: 0, pending: 0, invalid: 3 })} />, 'en');
    expect(invalid).toContain(t('ui.check.nothing-scorable', 'en'));
  });

  test('every scored result shows the rules it was scored with, as the CLI names them', () => {
    const text = render(<PlanSummary result={withTotals({}, { mode: 'floor', na: 'zero', final: false })} />, 'en');
    expect(text).toContain('Rules: between tiers the lower tier · not applicable zero · to date');
    expect(cliFlags({ mode: 'floor', na: 'zero', final: true })).toBe('--mode floor --na zero --final');
    expect(cliFlags(DEFAULT_SETTINGS)).toBe('--mode interpolate --na rescale');
    const line = render(<SettingsLine settings={{ mode: 'interpolate' }} />, 'bn');
    expect(line).toBe(message('ui.settings.line.mode', { mode: t('ui.rule.interpolate', 'bn') }).bn);
  });

  test('an error from the host: the catalogue\'s words first, the host\'s own as a detail', () => {
    const raw = Object.assign(new Error('The operation failed because the workbook is read-only.'), { code: 'AccessDenied' });
    const text = render(<ErrorBar error={raw} />, 'bn');
    expect(text).toContain(t('ui.error.host', 'bn'));
    expect(text).toContain(message('ui.error.detail', { detail: 'AccessDenied: The operation failed because the workbook is read-only.' }).bn);
    expect(text.indexOf(t('ui.error.host', 'bn'))).toBeLessThan(text.indexOf('AccessDenied'));
    const ours = render(<ErrorBar error={Object.assign(new Error('x'), { bilingual: message('gas.busy'), detail: 'Lock timeout' })} />, 'en');
    expect(ours).toContain(message('gas.busy').en);
    expect(ours).toContain('Details: Lock timeout');
  });
});

describe('settings, help and version in the pane', () => {
  test('the settings tab: the three settings with the CLI\'s flags; Remove on its own there, not among the everyday commands', () => {
    const highlight = render(<HighlightTiers ops={untouchable} />);
    expect(highlight).not.toContain(t('ui.highlight.remove', 'bn'));
    const html = renderToString(
      <LanguageContext.Provider value="en">
        <FluentProvider theme={theme}>
          <Settings ops={untouchable} settings={{ mode: 'floor', na: 'full', final: true }} saving="saved" onChange={() => undefined} />
        </FluentProvider>
      </LanguageContext.Provider>,
    );
    const text = textOf(html);
    for (const key of ['ui.settings.mode', 'ui.settings.mode.interpolate', 'ui.settings.mode.floor', 'ui.settings.na', 'ui.settings.na.rescale', 'ui.settings.na.full', 'ui.settings.na.zero', 'ui.settings.final', 'ui.settings.saved', 'ui.highlight.remove', 'ui.remove.check'] as MessageKey[]) {
      expect(text).toContain(t(key, 'en'));
    }
    expect(text).toContain('--mode floor --na full --final');
    expect(html).toMatch(/value="floor"[^>]*checked|checked[^>]*value="floor"/);
    expect(html).toMatch(/value="full"[^>]*checked|checked[^>]*value="full"/);
  });

  test('the footer: the version from package.json, help links to the guide\'s pages beside the pane', () => {
    const version = (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
    const html = renderToString(<App ops={untouchable} initialLanguage="en" about={{ version, helpBase: '' }} />);
    expect(textOf(html)).toContain(`Version ${version}`);
    expect(html).toMatch(/href="help\/user-guide\.bn\.html"[^>]*target="_blank"/);
    expect(html).toMatch(/href="help\/functions\.html"/);
    const bn = renderToString(<App ops={untouchable} about={{ version, helpBase: 'https://apa.example.gov.bd/addin/' }} />);
    expect(textOf(bn)).toContain(message('ui.footer.version', { version: version.replace(/\d/g, (d) => '০১২৩৪৫৬৭৮৯'[Number(d)]) }).bn);
    expect(bn).toContain('href="https://apa.example.gov.bd/addin/help/functions.bn.html"');
  });
});

describe('the host\'s theme', () => {
  test('Office\'s dark mode gives Fluent\'s dark theme, with the pane in Office\'s own body colours', () => {
    const dark = themeFor({ isDarkTheme: true, bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff' });
    expect(dark.colorNeutralBackground1).toBe('#262626');
    expect(dark.colorNeutralForeground1).toBe('#ffffff');
    expect(dark.colorBrandBackground).toBe(webDarkTheme.colorBrandBackground);
    expect(dark.fontFamilyBase).toContain('Nirmala UI');
  });
  test('the light (and colourful) themes give the light theme; Office colours that do not read well are not taken', () => {
    const light = themeFor({ isDarkTheme: false, bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#262626' });
    expect(light.colorBrandBackground).toBe(webLightTheme.colorBrandBackground);
    expect(light.colorNeutralBackground1).toBe('#ffffff');
    // A host that says only its colours: Dark Gray by its background.
    expect(isDark({ bodyBackgroundColor: '#444444' })).toBe(true);
    expect(isDark({ bodyBackgroundColor: '#e6e6e6' })).toBe(false);
    const clash = themeFor({ isDarkTheme: true, bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000' });
    expect(clash.colorNeutralBackground1).toBe(webDarkTheme.colorNeutralBackground1);
    expect(themeFor(undefined).colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
  });
});

describe('every command runs with the pane\'s context', () => {
  test('bindContext hands each command the current language and settings, and leaves the rest as they are', async () => {
    const seen: { name: string; args: unknown[] }[] = [];
    const record = (name: string) => (...args: unknown[]) => {
      seen.push({ name, args });
      return Promise.resolve(null as never);
    };
    const ops = Object.fromEntries(
      ['checkActiveSheet', 'selectCell', 'addScoreColumns', 'highlightTiers', 'previewRemoval', 'removeAll', 'whatNext', 'consolidate', 'addOfficeFiles', 'loadPreferences', 'saveLanguage', 'saveSettings'].map((n) => [n, record(n)]),
    ) as unknown as WorkbookOperations;
    const context = { language: 'en' as const, settings: { mode: 'floor' as const, na: 'zero' as const, final: true } };
    const bound = bindContext(ops, async () => context);
    await bound.checkActiveSheet();
    await bound.addScoreColumns();
    await bound.highlightTiers();
    await bound.whatNext();
    await bound.removeAll();
    await bound.consolidate({});
    await bound.addOfficeFiles([], {});
    await bound.selectCell('S', 'A1');
    await bound.previewRemoval();
    for (const name of ['checkActiveSheet', 'addScoreColumns', 'highlightTiers', 'whatNext', 'removeAll']) expect(seen.find((c) => c.name === name)!.args).toEqual([context]);
    expect(seen.find((c) => c.name === 'consolidate')!.args).toEqual([{}, context]);
    expect(seen.find((c) => c.name === 'addOfficeFiles')!.args).toEqual([[], {}, context]);
    expect(seen.find((c) => c.name === 'selectCell')!.args).toEqual(['S', 'A1']);
    expect(seen.find((c) => c.name === 'previewRemoval')!.args).toEqual([]);
  });

  test('the language of the host\'s display: bn-* is Bengali, anything else English', () => {
    for (const l of ['bn', 'bn-BD', 'bn-IN', 'bn_BD', 'BN-bd']) expect(languageOfLocale(l)).toBe('bn');
    for (const l of ['en-US', 'en-GB', 'fr-FR', 'hi-IN', 'bnx', '', undefined, null]) expect(languageOfLocale(l)).toBe('en');
  });
});
