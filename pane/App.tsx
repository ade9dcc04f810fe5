import { FluentProvider, makeStyles, Tab, TabList, Theme, tokens } from '@fluentui/react-components';
import { ReactNode, useEffect, useState } from 'react';
import type { Language, MessageKey } from '../core/messages';
import type { HostOperations, WorkbookOperations } from '../core/operations';
import type { PaneAbout } from './about';
import { AddOfficeFiles } from './AddOfficeFiles';
import { AddScoreColumns } from './AddScoreColumns';
import { CheckSheet } from './CheckSheet';
import { Consolidate } from './Consolidate';
import { Footer } from './Footer';
import { HelpView } from './HelpView';
import { HighlightTiers } from './HighlightTiers';
import { HostTextsContext, LanguageContext, useT } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { PreferencesState, usePreferences } from './preferences';
import { Settings } from './Settings';
import { paneTheme } from './theme';
import { WhatNeeded } from './WhatNeeded';
import { Directives } from './Directives';

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  pane: {
    boxSizing: 'border-box',
    maxWidth: '720px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  tabs: { flexWrap: 'wrap', marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { minWidth: 0 },
});

type SectionId = 'check' | 'columns' | 'highlight' | 'next' | 'directives' | 'consolidate' | 'files' | 'settings';

/** The host's own wording, if the operations carry one. */
function hostTexts(ops: HostOperations): Partial<Record<MessageKey, MessageKey>> | undefined {
  const texts = ops.capabilities?.texts;
  return texts && typeof texts === 'object' ? texts : undefined;
}

/** True unless the host says it cannot insert offices' files (no `addOfficeFiles`, or `capabilities.addOfficeFiles` false). */
export function offersOfficeFiles(ops: HostOperations): boolean {
  return typeof ops.addOfficeFiles === 'function' && ops.capabilities?.addOfficeFiles !== false;
}

const SECTIONS: { id: SectionId; label: MessageKey; render: (ops: HostOperations, prefs: PreferencesState) => ReactNode; offered?: (ops: WorkbookOperations) => boolean }[] = [
  { id: 'check', label: 'ui.tab.check', render: (ops) => <CheckSheet ops={ops} /> },
  { id: 'columns', label: 'ui.tab.columns', render: (ops) => <AddScoreColumns ops={ops} /> },
  { id: 'highlight', label: 'ui.tab.highlight', render: (ops) => <HighlightTiers ops={ops} /> },
  { id: 'next', label: 'ui.tab.next', render: (ops) => <WhatNeeded ops={ops} /> },
  { id: 'directives', label: 'ui.directives.title', render: (ops) => <Directives ops={ops} /> },
  { id: 'consolidate', label: 'ui.tab.consolidate', render: (ops) => <Consolidate ops={ops} /> },
  { id: 'files', label: 'ui.tab.files', render: (ops) => <AddOfficeFiles ops={ops} />, offered: offersOfficeFiles },
  { id: 'settings', label: 'ui.tab.settings', render: (ops, prefs) => <Settings ops={ops} settings={prefs.settings} saving={prefs.saving} onChange={prefs.setSettings} /> },
];

export interface AppProps {
  ops: HostOperations;
  /** The language to start in, until the host says which one the user picked (the host's display
   * language at first start); Bengali unless told. */
  initialLanguage?: Language;
  /** The host's theme (Office's light, dark or gray); Fluent's light theme unless told. */
  theme?: Theme;
  /** The version and where help is; the footer is left out without it. */
  about?: PaneAbout;
}

/** The task pane. Everything it does to the workbook goes through `ops`. */
export function App({ ops, initialLanguage = 'bn', theme = paneTheme, about }: AppProps) {
  const styles = useStyles();
  const prefs = usePreferences(ops, initialLanguage);
  const { language } = prefs;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <LanguageContext.Provider value={language}>
      <HostTextsContext.Provider value={hostTexts(ops)}>
        <FluentProvider theme={theme} className={styles.provider} lang={language}>
          <Pane prefs={prefs} about={about} />
        </FluentProvider>
      </HostTextsContext.Provider>
    </LanguageContext.Provider>
  );
}

function Pane({ prefs, about }: { prefs: PreferencesState; about?: PaneAbout }) {
  const styles = useStyles();
  const t = useT();
  const { ops } = prefs;
  // The sections this host offers (Google Sheets has no "Add offices' files").
  const sections = SECTIONS.filter((s) => !s.offered || s.offered(ops));
  const [selected, setSelected] = useState<SectionId>('check');
  const [helpOpen, setHelpOpen] = useState(false);
  // A section is rendered the first time it is opened, then kept (its results, a running
  // consolidation) while others are shown: the first render does only the first section's work.
  const [opened, setOpened] = useState<ReadonlySet<SectionId>>(() => new Set<SectionId>(['check']));
  const select = (id: SectionId) => {
    setHelpOpen(false);
    setSelected(id);
    setOpened((o) => (o.has(id) ? o : new Set(o).add(id)));
  };
  const inlineHelp = about?.inlineHelp;
  return (
    <main className={styles.pane}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t('ui.title')}</h1>
        <LanguageSwitch language={prefs.language} onChange={prefs.setLanguage} />
      </header>
      <nav aria-label={t('ui.sections')}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={helpOpen ? null : selected}
          onTabSelect={(_, data) => select(data.value as SectionId)}
          aria-label={t('ui.sections')}
        >
          {sections.map((s) => (
            <Tab key={s.id} value={s.id} id={`tab-${s.id}`} aria-controls={`panel-${s.id}`} data-testid={`tab-${s.id}`}>
              {t(s.label)}
            </Tab>
          ))}
        </TabList>
      </nav>
      {/* A section stays mounted once opened, so results and a running consolidation survive a tab switch. */}
      {sections.map((s) => (
        <div key={s.id} id={`panel-${s.id}`} role="tabpanel" aria-labelledby={`tab-${s.id}`} hidden={helpOpen || selected !== s.id} className={styles.panel} data-testid={`panel-${s.id}`}>
          {opened.has(s.id) && s.render(ops, prefs)}
        </div>
      ))}
      {helpOpen && inlineHelp && <HelpView help={inlineHelp} helpBase={about?.helpBase ?? null} onBack={() => setHelpOpen(false)} />}
      {about && <Footer about={about} onHelp={inlineHelp ? () => setHelpOpen(true) : undefined} />}
    </main>
  );
}
