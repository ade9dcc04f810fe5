import { makeStyles, mergeClasses, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { ConsolidationGroup, allOffices, groupTitle, sourceLabel } from '../core/consolidate';
import { message } from '../core/messages';
import type { ConsolidateResult } from '../core/operations';
import { num, percent } from './format';
import { useBilingual, useLanguage, useT } from './i18n';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'auto' },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  td: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
  },
  // Rank and percent take only the width they need; the office name takes the rest.
  num: { textAlign: 'end', whiteSpace: 'nowrap', width: '1%' },
  note: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  low: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A consolidation's outcome (SCORING.md §9): per group of plan kind, fiscal year and quarter, the
 * offices ranked by the marks earned so far, with how much of the plan was assessed; duplicates and
 * the unknown group listed with why; the tabs skipped; the sheets written. Nothing to consolidate
 * is a warning. */
export function ConsolidationView({ result }: { result: ConsolidateResult }) {
  const section = useSectionStyles();
  const t = useT();
  const b = useBilingual();
  const warningsId = useId();
  const skippedId = useId();
  const c = result.consolidation;
  const nothing = result.nothing || !c || allOffices(c).length === 0;
  const count = c ? allOffices(c).filter((o) => o.duplicateOf === null).length : 0;
  return (
    <div className={section.section} data-testid="consolidation">
      {nothing ? (
        <MessageBar intent="warning" layout="multiline" data-testid="nothing">
          <MessageBarBody>{b(message('consolidate.nothing'))}</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t('ui.consolidate.done', { count })}
            {result.written.length > 0 && <> {t('ui.consolidate.written', { sheets: result.written.join(t('ui.list-separator')) })}</>}
          </MessageBarBody>
        </MessageBar>
      )}
      {c?.groups.map((g, i) => <GroupView key={`${g.plan}-${g.fiscalYear}-${g.quarter}-${i}`} group={g} />)}
      {c && c.warnings.length > 0 && (
        <section aria-labelledby={warningsId}>
          <h3 id={warningsId} className={section.heading}>
            {t('ui.consolidate.warnings', { count: c.warnings.length })}
          </h3>
          <ul className={section.list} data-testid="consolidation-warnings">
            {c.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`} className={section.item} data-code={w.code}>
                {b(w.message)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.skipped.length > 0 && (
        <section aria-labelledby={skippedId}>
          <h3 id={skippedId} className={section.heading}>
            {t('ui.consolidate.skipped', { count: result.skipped.length })}
          </h3>
          <ul className={section.list} data-testid="skipped">
            {result.skipped.map((s, i) => (
              <li key={`${s.sheet}-${i}`} className={section.item}>
                <strong>{s.sheet}</strong>: {b(s.reason)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One group: its name in words and its offices, ranked first. */
function GroupView({ group }: { group: ConsolidationGroup }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  const b = useBilingual();
  const language = useLanguage();
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid="group" data-plan={group.plan}>
      <h3 id={id} className={section.heading}>
        {b(groupTitle(group))}
      </h3>
      <table className={styles.table} data-testid="ranking">
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.th, styles.num)}>
              {t('col.rank')}
            </th>
            <th scope="col" className={styles.th}>
              {t('col.office')}
            </th>
            <th scope="col" className={mergeClasses(styles.th, styles.num)}>
              {t('col.percent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {group.offices.map((o, i) => (
            <tr key={`${o.sheet}-${o.office}-${i}`} data-office={o.office} data-duplicate={o.duplicateOf ? 'true' : undefined}>
              <td className={mergeClasses(styles.td, styles.num)} data-testid="rank">
                {num(o.rank, language)}
              </td>
              <td className={styles.td}>
                {o.office}
                {o.duplicateOf && <span className={styles.note}>{t('ui.consolidate.duplicate-of', { source: `${o.duplicateOf.office} (${sourceLabel(o.duplicateOf)})` })}</span>}
                {!o.duplicateOf && o.rank === null && group.known && <span className={styles.note}>{t('ui.consolidate.nothing-assessed')}</span>}
              </td>
              <td className={mergeClasses(styles.td, styles.num)} data-testid="office-percent">
                {o.assessed > 0 ? percent(o.percent, language) : message('ui.none')[language]}
                {o.assessed > 0 && (
                  <span className={mergeClasses(styles.note, o.coverage !== null && o.coverage < 50 && styles.low)} data-testid="coverage">
                    {t('ui.consolidate.marks', { marks: o.marks, outOf: o.outOf, coverage: Math.round(o.coverage ?? 0) })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
