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
import { daysLeft, describeError, unitValue } from '../../pane/format';
import { paneTheme as theme } from '../../pane/theme';

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
    expect(text).toContain(t('ui.check.to-date', 'bn'));
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
      },
      { id: '4.1.2', name: 'ই ফাইলে নোট নিষ্পত্তিকৃত', unit: 'percent', current: 'below-fair', next: { tier: 'fair', value: 70, daysLeft: null }, top: { tier: 'excellent', value: 100, daysLeft: null } },
    ],
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
  test('the helpers', () => {
    expect(unitValue(dayFromYmd(2024, 12, 1)!, 'date', 'bn')).toBe(formatDay(dayFromYmd(2024, 12, 1)!, 'bn'));
    expect(unitValue(61.54, 'percent', 'bn')).toBe('৬১.৫৪%');
    expect(unitValue(3, 'count', 'en')).toBe('3');
    expect(daysLeft(0, 'en')).toBe('Today is the last day');
    expect(daysLeft(1, 'en')).toBe('1 day left');
    expect(daysLeft(-3, 'en')).toBe('Passed 3 days ago');
    expect(daysLeft(-3, 'bn')).toBe('৩ দিন আগে পেরিয়ে গেছে');
    expect(describeError(new Error('boom'), 'en')).toBe('boom');
    expect(describeError({ bn: 'ক', en: 'k' }, 'bn')).toBe('ক');
    expect(describeError(Object.assign(new Error('x'), { bilingual: { bn: 'খ', en: 'kh' } }), 'en')).toBe('kh');
    expect(describeError(undefined, 'en')).toBe('Unknown error');
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
