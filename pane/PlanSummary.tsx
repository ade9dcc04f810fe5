import { makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../core/operations';
import type { MessageKey } from '../core/messages';
import { digitsIn, num, percent } from './format';
import { useLanguage, useT } from './i18n';

const useStyles = makeStyles({
  office: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6em, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  percentBox: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
  },
  percent: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const LAYOUT_KEY: Record<NonNullable<CheckResult['plan']>['layout'], MessageKey> = {
  'five-tier': 'ui.layout.five-tier',
  'three-tier': 'ui.layout.three-tier',
  'single-target': 'ui.layout.single-target',
  'row-pairs': 'ui.layout.row-pairs',
  'one-row-tiers': 'ui.layout.one-row-tiers',
};

/** The plan's office, year, quarter, layout and totals. */
export function PlanSummary({ result }: { result: CheckResult }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage();
  const { plan, totals } = result;
  if (!plan) return null;
  return (
    <section aria-label={t('ui.check.result')} data-testid="plan-summary">
      <h3 className={styles.office} data-testid="plan-office">
        {plan.office}
      </h3>
      {totals && (
        <div className={styles.percentBox} role="status">
          <span className={styles.percent} data-testid="plan-percent">
            {percent(totals.percent, language)}
          </span>
          {totals.toDate && <span className={styles.term}>({t('ui.to-date-short')})</span>}
        </div>
      )}
      {totals?.toDate && (
        <p className={styles.note} data-testid="to-date-note">
          {t('ui.check.to-date')}
        </p>
      )}
      {totals && totals.percent === null && <p className={styles.note}>{t('ui.check.no-percent')}</p>}
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('col.sheet')}</dt>
        <dd className={styles.value}>{result.sheet}</dd>
        <dt className={styles.term}>{t('ui.field.plan-kind')}</dt>
        <dd className={styles.value} data-testid="plan-kind">
          {plan.kind ? t(`plan.${plan.kind}`) : t('ui.not-stated')}
        </dd>
        <dt className={styles.term}>{t('ui.field.fiscal-year')}</dt>
        <dd className={styles.value}>{plan.fiscalYear ? digitsIn(plan.fiscalYear, language) : t('ui.not-stated')}</dd>
        <dt className={styles.term}>{t('ui.field.quarter')}</dt>
        <dd className={styles.value}>{plan.quarter !== null ? t('ui.quarter', { quarter: plan.quarter }) : t('ui.not-stated')}</dd>
        <dt className={styles.term}>{t('ui.field.layout')}</dt>
        <dd className={styles.value}>{t(LAYOUT_KEY[plan.layout])}</dd>
        {totals && (
          <>
            <dt className={styles.term}>{t('ui.field.total')}</dt>
            <dd className={styles.value} data-testid="plan-total">
              {t('ui.total.value', { score: num(totals.score, language), max: num(totals.max, language) })}
            </dd>
            <dt className={styles.term}>{t('ui.field.marks')}</dt>
            <dd className={styles.value} data-testid="plan-marks">
              {t('ui.marks.value', { score: num(totals.score, language), applicable: num(totals.applicable, language), percent: num(totals.earnedPercent, language) })}
            </dd>
            <dt className={styles.term}>{t('col.pending')}</dt>
            <dd className={styles.value} data-testid="count-pending">
              {num(totals.pending, language)}
            </dd>
            <dt className={styles.term}>{t('col.in-words')}</dt>
            <dd className={styles.value} data-testid="count-in-words">
              {num(totals.inWords, language)}
            </dd>
            <dt className={styles.term}>{t('col.na')}</dt>
            <dd className={styles.value} data-testid="count-na">
              {num(totals.na, language)}
            </dd>
            <dt className={styles.term}>{t('col.invalid')}</dt>
            <dd className={styles.value} data-testid="count-invalid">
              {num(totals.invalid, language)}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
