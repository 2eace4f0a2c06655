import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translator } from '../../src/i18n';
import { failureText } from '../../src/taskpane/picked';
import { readPicked, type PickedFile } from '../../src/taskpane/read-files';

/**
 * The task pane's reading of picked files: bytes from the browser's `File`,
 * the file adapter's reader with the command line's limits, SHA-256 of the
 * bytes, and one translated sentence naming each file that cannot be used
 * (the others are still read).
 */
const sample = readFileSync(join(__dirname, '..', '..', 'workbooks', 'osk_b01-2025.xlsx'));
const file = (name: string, bytes: Uint8Array, size = bytes.length): PickedFile & { read: number } => {
  const f = {
    name,
    size,
    read: 0,
    arrayBuffer: async () => {
      f.read++;
      return bytes.slice().buffer;
    },
  };
  return f;
};

describe('reading picked workbooks', () => {
  it('reads a workbook with its SHA-256, and names each file that cannot be used', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const huge = file('huge.xlsx', new Uint8Array(4), 200 * 1024 * 1024);
    const results = await readPicked([
      file('branch.xlsx', sample),
      file('empty.xlsx', new Uint8Array()),
      file('notes.xlsx', new TextEncoder().encode('not a workbook at all')),
      file('old.xlsx', xls),
      huge,
    ]);
    const [ok, ...failed] = results;
    expect(ok?.ok && ok.workbook.sha256).toBe(createHash('sha256').update(sample).digest('hex'));
    expect(ok?.ok && ok.workbook.snapshot.tables.some((t) => t.name === 'Events')).toBe(true);
    // Too large is refused from the size the browser gives, before the bytes are loaded.
    expect(huge.read).toBe(0);
    const ru = translator('ru');
    expect(failed.map((r) => (r.ok ? 'read' : failureText(r.failure, ru)))).toEqual([
      ru.t('pane.import.file_error.empty', { file: 'empty.xlsx' }),
      ru.t('pane.import.file_error.not_workbook', { file: 'notes.xlsx' }),
      ru.t('pane.import.file_error.legacy_xls', { file: 'old.xlsx' }),
      ru.t('pane.import.file_error.too_large', { file: 'huge.xlsx', size: '200', limit: '100' }),
    ]);
  });

  it('refuses a workbook whose parts unpack past the limit, naming it', async () => {
    const [r] = await readPicked([file('bomb.xlsx', sample)], { maxUnpackedBytes: 1024 });
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(failureText(r.failure, translator('kk'))).toContain('bomb.xlsx');
  });
});
