import { Field, makeStyles, Radio, RadioGroup, Spinner, Switch, tokens } from '@fluentui/react-components';
import type { HostOperations } from '../core/operations';
import type { ScoreSettings } from '../core/score';
import { ErrorBar } from './ErrorBar';
import { useT } from './i18n';
import type { PreferencesState } from './preferences';
import { RemoveAll } from './RemoveAll';
import { cliFlags } from './SettingsLine';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  status: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, minHeight: tokens.lineHeightBase200 },
  cli: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  code: { fontFamily: tokens.fontFamilyMonospace },
  apart: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
});

/** "Settings": how the workbook is scored (SCORING.md §4–§5, the CLI's flags), kept in the
 * workbook; and, on its own below, Remove. */
export function Settings({ ops, settings, saving, onChange }: { ops: HostOperations; settings: ScoreSettings; saving: PreferencesState['saving']; onChange: (s: ScoreSettings) => void }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  return (
    <div className={section.section}>
      <p className={section.intro}>{t('ui.settings.intro')}</p>
      <Field label={t('ui.settings.mode')}>
        <RadioGroup value={settings.mode} onChange={(_, d) => onChange({ ...settings, mode: d.value === 'floor' ? 'floor' : 'interpolate' })} data-testid="setting-mode">
          <Radio value="interpolate" label={t('ui.settings.mode.interpolate')} data-testid="setting-mode-interpolate" />
          <Radio value="floor" label={t('ui.settings.mode.floor')} data-testid="setting-mode-floor" />
        </RadioGroup>
      </Field>
      <Field label={t('ui.settings.na')}>
        <RadioGroup value={settings.na} onChange={(_, d) => onChange({ ...settings, na: d.value === 'full' ? 'full' : d.value === 'zero' ? 'zero' : 'rescale' })} data-testid="setting-na">
          <Radio value="rescale" label={t('ui.settings.na.rescale')} data-testid="setting-na-rescale" />
          <Radio value="full" label={t('ui.settings.na.full')} data-testid="setting-na-full" />
          <Radio value="zero" label={t('ui.settings.na.zero')} data-testid="setting-na-zero" />
        </RadioGroup>
      </Field>
      <Field hint={t('ui.settings.final.hint')}>
        <Switch checked={settings.final} onChange={(_, d) => onChange({ ...settings, final: d.checked })} label={t('ui.settings.final')} data-testid="setting-final" />
      </Field>
      <p className={styles.cli} data-testid="settings-cli">
        {t('ui.settings.cli', { flags: '' })}
        <code className={styles.code}>{cliFlags(settings)}</code>
      </p>
      <div className={styles.status} role="status" data-testid="settings-status">
        {saving === 'saving' && <Spinner size="extra-tiny" label={t('ui.settings.saving')} />}
        {saving === 'saved' && t('ui.settings.saved')}
      </div>
      {typeof saving === 'object' && <ErrorBar error={saving.error} />}
      <div className={styles.apart}>
        <RemoveAll ops={ops} />
      </div>
    </div>
  );
}
