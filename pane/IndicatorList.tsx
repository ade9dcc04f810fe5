import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { IndicatorLine } from '../core/operations';
import { digitsIn, num } from './format';
import { useLanguage, useT } from './i18n';
import { useSectionStyles } from './styles';
import { TierChip } from './TierChip';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  id: { fontWeight: tokens.fontWeightSemibold },
  name: { margin: `${tokens.spacingVerticalXXS} 0` },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Each indicator with its tier chip, weight and score. */
export function IndicatorList({ indicators }: { indicators: IndicatorLine[] }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  const language = useLanguage();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={section.heading}>
        {t('ui.check.indicators', { count: indicators.length })}
      </h3>
      <ul className={section.list} data-testid="indicator-list">
        {indicators.map((ind) => (
          <li key={`${ind.id}-${ind.row}`} className={section.item} data-indicator={ind.id}>
            <div className={styles.head}>
              <span className={styles.id}>{digitsIn(ind.id, language)}</span>
              <TierChip tier={ind.key} />
            </div>
            <div className={styles.name}>{ind.name}</div>
            <div className={styles.detail}>{t('ui.indicator.detail', { weight: num(ind.weight, language), score: num(ind.score, language) })}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
