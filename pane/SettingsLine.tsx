import { makeStyles, tokens } from '@fluentui/react-components';
import type { ScoreSettings } from '../core/score';
import { Translate, useT } from './i18n';

const useStyles = makeStyles({
  line: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The settings a result was computed with, in words (those that apply to it). */
export function settingsText(settings: Partial<ScoreSettings>, t: Translate): string | null {
  const { mode, na, final } = settings;
  if (!mode) return null;
  if (na === undefined || final === undefined) return t('ui.settings.line.mode', { mode: t(`ui.rule.${mode}`) });
  return t('ui.settings.line', { mode: t(`ui.rule.${mode}`), na: t(`ui.rule.${na}`), final: t(final ? 'ui.rule.final' : 'ui.rule.to-date') });
}

/** The command-line flags that score the same way (`apa score --mode floor --na full --final`). */
export function cliFlags(settings: ScoreSettings): string {
  return [`--mode ${settings.mode}`, `--na ${settings.na}`, ...(settings.final ? ['--final'] : [])].join(' ');
}

/** Shown under every scored result: which rules gave it. */
export function SettingsLine({ settings }: { settings?: Partial<ScoreSettings> | null }) {
  const styles = useStyles();
  const t = useT();
  const text = settings ? settingsText(settings, t) : null;
  if (!text) return null;
  return (
    <p className={styles.line} data-testid="settings-line">
      {text}
    </p>
  );
}
