import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Problem } from '../core/plan';
import { useBilingual, useT } from './i18n';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  cell: { minWidth: 'auto', fontFamily: tokens.fontFamilyMonospace },
  message: { margin: `${tokens.spacingVerticalXXS} 0 0` },
});

const INTENT = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/** The sheet's problems: severity, cell and message; a cell is a button that selects it in the sheet. */
export function ProblemList({ problems, onSelect }: { problems: Problem[]; onSelect: (problem: Problem) => void }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  const b = useBilingual();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={section.heading}>
        {t('ui.check.problems', { count: problems.length })}
      </h3>
      {problems.length === 0 ? (
        <p className={section.muted}>{t('ui.check.no-problems')}</p>
      ) : (
        <ul className={section.list} data-testid="problem-list">
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.cell}-${i}`} className={section.item} data-problem-cell={p.cell} data-severity={p.severity}>
              <div className={styles.head}>
                <Badge appearance="filled" color={INTENT[p.severity]} shape="rounded">
                  {t(`severity.${p.severity}`)}
                </Badge>
                {p.cell ? (
                  <Button
                    size="small"
                    appearance="secondary"
                    className={styles.cell}
                    onClick={() => onSelect(p)}
                    aria-label={t('ui.check.go-to', { cell: p.cell })}
                    title={t('ui.check.go-to', { cell: p.cell })}
                  >
                    {p.cell}
                  </Button>
                ) : (
                  <span className={section.muted}>{t('ui.check.whole-sheet')}</span>
                )}
              </div>
              <p className={styles.message}>{b(p.message)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
