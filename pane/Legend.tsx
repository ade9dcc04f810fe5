import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { LEGEND_ORDER } from '../core/highlight';
import { useT } from './i18n';
import { TierChip } from './TierChip';

const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', margin: 0, padding: 0 },
  title: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** The palette's legend, in `LEGEND_ORDER`. */
export function Legend() {
  const styles = useStyles();
  const t = useT();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={styles.title}>
        {t('legend')}
      </h3>
      <ul className={styles.legend} data-testid="legend">
        {LEGEND_ORDER.map((key) => (
          <li key={key}>
            <TierChip tier={key} />
          </li>
        ))}
      </ul>
    </section>
  );
}
