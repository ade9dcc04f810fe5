import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { helpLinks, PaneAbout } from './about';
import { digitsIn } from './format';
import { useLanguage, useT } from './i18n';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  version: { marginInlineStart: 'auto' },
});

/** Help and the version, at the foot of the pane. Help opens the user guide's pages where they are
 * served (a new tab, or Excel's browser), or the guide inside the pane when the host has it there. */
export function Footer({ about, onHelp }: { about: PaneAbout; onHelp?: () => void }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage();
  const links = about.helpBase !== null ? helpLinks(about.helpBase, language) : null;
  return (
    <footer className={styles.footer} data-testid="footer">
      {onHelp ? (
        <Button appearance="transparent" size="small" onClick={onHelp} data-testid="help-open">
          {t('ui.footer.help')}
        </Button>
      ) : (
        <span>{t('ui.footer.help')}:</span>
      )}
      {links && !onHelp && (
        <>
          <Link href={links.guide} target="_blank" rel="noopener noreferrer" data-testid="help-guide">
            {t('ui.footer.guide')}
          </Link>
          <Link href={links.functions} target="_blank" rel="noopener noreferrer" data-testid="help-functions">
            {t('ui.footer.functions')}
          </Link>
        </>
      )}
      <span className={styles.version} data-testid="version">
        {t('ui.title')} · {t('ui.footer.version', { version: digitsIn(about.version, language) })}
      </span>
    </footer>
  );
}
