import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { helpLinks, InlineHelp } from './about';
import { useLanguage, useT } from './i18n';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  doc: {
    overflowWrap: 'anywhere',
    lineHeight: tokens.lineHeightBase400,
    '& h1': { fontSize: tokens.fontSizeBase500, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}` },
    '& h2': { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
    '& h3': { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
    '& table': { borderCollapse: 'collapse', display: 'block', overflowX: 'auto' },
    '& th, & td': { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalXS, verticalAlign: 'top', textAlign: 'start' },
    '& code, & pre': { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3 },
    '& pre': { padding: tokens.spacingHorizontalS, overflowX: 'auto' },
  },
});

/** The user guide and the functions' help inside the pane (the Sheets sidebar), with a way back;
 * and, where the pages are served too, a link that opens them (with their pictures) in a tab. */
export function HelpView({ help, helpBase, onBack }: { help: InlineHelp; helpBase: string | null; onBack: () => void }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  const language = useLanguage();
  const links = helpBase !== null ? helpLinks(helpBase, language) : null;
  return (
    <section className={section.section} aria-label={t('ui.footer.help')} data-testid="help-view">
      <div className={section.actions}>
        <Button onClick={onBack} data-testid="help-back">
          {t('ui.help.back')}
        </Button>
        {links && (
          <Link href={links.guide} target="_blank" rel="noopener noreferrer" data-testid="help-guide">
            {t('ui.help.open')}
          </Link>
        )}
      </div>
      {/* Built from the repository's own docs/ at build time (addin/tools/help-pages.ts): no user data. */}
      <div className={styles.doc} lang="bn" data-testid="help-guide-text" dangerouslySetInnerHTML={{ __html: help.guide }} />
      <div className={styles.doc} lang={language} data-testid="help-functions-text" dangerouslySetInnerHTML={{ __html: help.functions[language] }} />
    </section>
  );
}
