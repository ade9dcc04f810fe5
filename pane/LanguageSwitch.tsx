import { makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Language } from '../core/messages';
import { useT } from './i18n';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** বাংলা / English. Bengali is the default; the choice lives in `App`'s state. */
export function LanguageSwitch({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const styles = useStyles();
  const t = useT();
  const id = useId();
  return (
    <div className={styles.root}>
      <span id={id} className={styles.label}>
        {t('ui.language')}
      </span>
      <RadioGroup layout="horizontal" aria-labelledby={id} value={language} onChange={(_, data) => onChange(data.value === 'en' ? 'en' : 'bn')} data-testid="language">
        <Radio value="bn" label={<span lang="bn">{t('ui.language.bn')}</span>} data-testid="language-bn" />
        <Radio value="en" label={<span lang="en">{t('ui.language.en')}</span>} data-testid="language-en" />
      </RadioGroup>
    </div>
  );
}
