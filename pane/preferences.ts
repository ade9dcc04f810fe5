import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Language } from '../core/messages';
import type { CommandContext, HostOperations } from '../core/operations';
import { DEFAULT_SETTINGS, ScoreSettings } from '../core/score';

/**
 * The pane's language and the workbook's settings: what the host remembers (`loadPreferences`),
 * what the user changes (remembered again at once: the language per user, the settings in the
 * workbook), and the one context every command runs with.
 */
export interface PreferencesState {
  language: Language;
  settings: ScoreSettings;
  /** True once the host has answered `loadPreferences` (or failed to). */
  loaded: boolean;
  /** Saving the settings: in progress, done, or failed (the error). */
  saving: 'idle' | 'saving' | 'saved' | { error: unknown };
  setLanguage: (language: Language) => void;
  setSettings: (settings: ScoreSettings) => void;
  /** The operations every section receives: each command given the current context, after the
   * remembered preferences have arrived (a command started before waits for them). */
  ops: HostOperations;
}

/** Commands with the context bound: what the sections call. */
export function bindContext(ops: HostOperations, context: () => Promise<CommandContext>): HostOperations {
  return {
    ...ops,
    checkActiveSheet: async () => ops.checkActiveSheet(await context()),
    addScoreColumns: async () => ops.addScoreColumns(await context()),
    valuesOnly: async () => ops.valuesOnly(await context()),
    highlightTiers: async () => ops.highlightTiers(await context()),
    removeAll: async () => ops.removeAll(await context()),
    whatNext: async () => ops.whatNext(await context()),
    consolidate: async (options) => ops.consolidate(options, await context()),
    addOfficeFiles: async (files, options) => ops.addOfficeFiles(files, options, await context()),
    keepDirectives: async (minutes) => ops.keepDirectives(minutes, await context()),
  };
}

export function usePreferences(ops: HostOperations, initialLanguage: Language): PreferencesState {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [settings, setSettingsState] = useState<ScoreSettings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState<PreferencesState['saving']>('idle');
  const current = useRef<CommandContext>({ language: initialLanguage, settings: DEFAULT_SETTINGS });
  const picked = useRef(false);
  const ready = useRef<Promise<void> | null>(null);

  useEffect(() => {
    let live = true;
    ready.current = (async () => {
      try {
        const p = await ops.loadPreferences();
        if (!live) return;
        // A language picked while the host was answering wins over the remembered one.
        const l = picked.current ? current.current.language : (p.language ?? p.displayLanguage ?? initialLanguage);
        current.current = { language: l, settings: p.settings };
        setLanguageState(l);
        setSettingsState(p.settings);
      } catch {
        // Nothing remembered can be read (the host is not there): the pane's defaults stand.
      } finally {
        if (live) setLoaded(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [ops, initialLanguage]);

  const setLanguage = useCallback(
    (l: Language) => {
      picked.current = true;
      current.current = { ...current.current, language: l };
      setLanguageState(l);
      // Remembered for next time; a host that cannot keep it still switches the pane now.
      ops.saveLanguage(l).catch(() => undefined);
    },
    [ops],
  );

  const setSettings = useCallback(
    (s: ScoreSettings) => {
      current.current = { ...current.current, settings: s };
      setSettingsState(s);
      setSaving('saving');
      ops.saveSettings(s).then(
        () => setSaving('saved'),
        (error: unknown) => setSaving({ error: error ?? new Error() }),
      );
    },
    [ops],
  );

  const bound = useMemo(
    () =>
      bindContext(ops, async () => {
        await ready.current;
        return current.current;
      }),
    [ops],
  );

  return { language, settings, loaded, saving, setLanguage, setSettings, ops: bound };
}
