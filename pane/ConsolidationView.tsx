import { makeStyles, mergeClasses, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useId } from 'react';
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
  toDate: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** A consolidation's outcome: offices ranked with percent, the tabs skipped and why, the sheets written. */
export function ConsolidationView({ result }: { result: ConsolidateResult }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  const b = useBilingual();
  const language = useLanguage();
  const rankedId = useId();
  const skippedId = useId();
  const offices = [...(result.consolidation?.offices ?? [])].sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
  return (
    <div className={section.section} data-testid="consolidation">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {t('ui.consolidate.done', { count: offices.length })}
          {result.written.length > 0 && <> {t('ui.consolidate.written', { sheets: result.written.join(t('ui.list-separator')) })}</>}
        </MessageBarBody>
      </MessageBar>
      <section aria-labelledby={rankedId}>
        <h3 id={rankedId} className={section.heading}>
          {t('ui.consolidate.ranked', { count: offices.length })}
        </h3>
        {offices.length === 0 ? (
          <p className={section.muted}>{t('ui.consolidate.no-offices')}</p>
        ) : (
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
              {offices.map((o) => (
                <tr key={`${o.sheet}-${o.office}`} data-office={o.office}>
                  <td className={mergeClasses(styles.td, styles.num)} data-testid="rank">
                    {num(o.rank, language)}
                  </td>
                  <td className={styles.td}>{o.office}</td>
                  <td className={mergeClasses(styles.td, styles.num)} data-testid="office-percent">
                    {percent(o.percent, language)}
                    {o.toDate && o.percent !== null && <span className={styles.toDate}>{t('ui.to-date-short')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
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
