import { Button, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useId, useRef, useState } from 'react';
import type { Bilingual } from '../core/messages';
import { message } from '../core/messages';
import type { AddFilesResult, WorkbookOperations } from '../core/operations';
import { CancelledBar } from './Consolidate';
import { ConsolidationView } from './ConsolidationView';
import { ErrorBar } from './ErrorBar';
import { useBilingual, useT } from './i18n';
import { LongRunProgress } from './LongRunProgress';
import { readOfficeFiles } from './readFile';
import { useSectionStyles } from './styles';
import { useLongRun } from './useOperation';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'center',
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hiddenInput: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const ACCEPT = '.xlsx,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,text/csv';

/** "Add offices' files": pick or drop .xlsx, .ods or .csv files; they become tabs and are consolidated. */
export function AddOfficeFiles({ ops }: { ops: WorkbookOperations }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const t = useT();
  const b = useBilingual();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState(false);
  const [rejected, setRejected] = useState<{ file: string; reason: Bilingual }[]>([]);
  const [nothing, setNothing] = useState(false);
  const run = useLongRun<AddFilesResult>();
  const failedId = useId();
  const insertedId = useId();
  const busy = reading || run.busy;

  const take = useCallback(
    async (files: File[]) => {
      if (busy || files.length === 0) return;
      setReading(true);
      setNothing(false);
      const { read, rejected: bad } = await readOfficeFiles(files);
      setReading(false);
      setRejected(bad.map((r) => ({ file: r.file, reason: message(r.cause === 'not-xlsx' ? 'ui.files.not-xlsx' : 'ui.files.read-failed') })));
      if (read.length === 0) {
        setNothing(true);
        return;
      }
      await run.start((o) => ops.addOfficeFiles(read, o));
    },
    [busy, ops, run],
  );

  const failed = [...rejected, ...(!run.busy && run.result && !run.cancelled ? run.result.failed : [])];
  const result = !run.busy && !run.cancelled && !run.error ? run.result : null;
  return (
    <div className={section.section}>
      <p className={section.intro}>{t('ui.files.intro')}</p>
      <div
        className={mergeClasses(styles.zone, dragging && styles.dragging)}
        role="group"
        aria-label={t('ui.files.drop-zone')}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void take(Array.from(e.dataTransfer.files));
        }}
      >
        <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()} data-testid="files-pick">
          {t('ui.files.pick')}
        </Button>
        <span className={section.muted}>{t('ui.files.drop')}</span>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          multiple
          accept={ACCEPT}
          tabIndex={-1}
          aria-label={t('ui.files.pick')}
          data-testid="files-input"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            void take(files);
          }}
        />
      </div>
      {reading && <Spinner size="tiny" label={t('ui.files.reading')} />}
      {run.busy && <LongRunProgress progress={run.progress} onCancel={run.cancel} />}
      <ErrorBar error={run.error} onDismiss={run.clearError} />
      {nothing && <ErrorBar error={message('ui.files.none-valid')} onDismiss={() => setNothing(false)} />}
      {!run.busy && run.cancelled && <CancelledBar />}
      {failed.length > 0 && (
        <section aria-labelledby={failedId}>
          <h3 id={failedId} className={section.heading}>
            {t('ui.files.failed', { count: failed.length })}
          </h3>
          <ul className={section.list} data-testid="files-failed">
            {failed.map((f, i) => (
              <li key={`${f.file}-${i}`} className={section.item}>
                <strong>{f.file}</strong>: {b(f.reason)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {result && result.inserted.length > 0 && (
        <section aria-labelledby={insertedId}>
          <h3 id={insertedId} className={section.heading}>
            {t('ui.files.inserted', { count: result.inserted.length })}
          </h3>
          <ul className={section.list} data-testid="files-inserted">
            {result.inserted.map((f, i) => (
              <li key={`${f.file}-${i}`} className={section.item}>
                <strong>{f.file}</strong>: {f.sheets.join(t('ui.list-separator'))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {result && <ConsolidationView result={result} />}
    </div>
  );
}
