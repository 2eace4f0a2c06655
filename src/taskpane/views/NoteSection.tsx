/**
 * After a consolidation: the analytical note. Its sheet is already written
 * (the same plan as the other generated sheets); here it can be opened, and
 * downloaded as a Word document made in the browser.
 *
 * Office offers no API that saves a file from a task pane
 * (`Office.context.ui.openBrowserWindow` opens an address, not a blob), so
 * the document goes through a Blob link with `download`, as in any page. The
 * playground's browser saves it; in Excel it works where the add-in's
 * webview lets a page download (Excel on the web and WebView2 on Windows;
 * not tried here in a real Excel — Safari's webview on a Mac may ignore
 * it). Where nothing is saved nothing fails either: the Note sheet holds the
 * same text, and `kitaphana note` writes the .docx.
 */
import { useId, useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { ConsolidationRun } from '../../core/pipeline';
import { translator } from '../../i18n';
import { usePane } from '../context';
import { useViewStyles } from '../styles';

export function NoteSection({ run }: { run: ConsolidationRun }) {
  const { host, t, announce, version } = usePane();
  const s = useViewStyles();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  // The sheet is named in the workbook's language, which may differ from the reader's.
  const sheet = translator(run.language).t('sheet.Note');
  if (!run.plan.sheets.some((p) => p.name === sheet)) return null;

  const open = async () => {
    const ok = await host.activateSheet(sheet).catch(() => false);
    announce(t.t(ok ? 'taskpane.consolidate.opened' : 'taskpane.consolidate.sheet_missing', { sheet }));
  };
  const download = async () => {
    setBusy(true);
    announce(t.t('taskpane.note.preparing'));
    try {
      const { noteDocument } = await import(/* webpackChunkName: "note-docx" */ '../note-docx');
      const doc = await noteDocument(run, version);
      if (!doc) return;
      const url = URL.createObjectURL(doc.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = doc.file;
      link.rel = 'noopener';
      document.body.appendChild(link);
      link.click();
      link.remove();
      // Revoked on the next turn: the click has handed the blob to the browser's download by then.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      announce(t.t('taskpane.note.downloaded', { file: doc.file }));
    } catch (e) {
      announce(t.t('taskpane.note.failed', { reason: e instanceof Error ? e.message : String(e), sheet }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className={s.subheading}>
        {t.t('taskpane.note.heading')}
      </h4>
      <p className={s.text}>{t.t('taskpane.note.written', { sheet })}</p>
      <div className={s.actions}>
        <Button onClick={() => void open()}>{t.t('taskpane.note.open')}</Button>
        <Button onClick={() => void download()} disabledFocusable={busy}>
          {t.t('taskpane.note.download')}
        </Button>
      </div>
    </div>
  );
}
