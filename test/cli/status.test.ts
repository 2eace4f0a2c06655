import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templatePlan } from '../../src/core/layout/template';
import { planSnapshot } from '../../src/core/plan-snapshot';
import { validate } from '../../src/core/validate';
import { reportChecksum } from '../../src/core/checksum';
import type { ContentRow, WorkbookContent } from '../../src/core/layout/content';
import type { ReportStatus } from '../../src/core/submissions';
import { translator } from '../../src/i18n';
import { writeWorkbook } from '../../src/xlsx/write';
import { smallContent } from '../helpers/network';
import { runCli } from '../helpers/cli';

/** `kitaphana status`, `consolidate --accepted-only` and S3 from `validate`, on a workbook built here. */
const dir = mkdtempSync(join(tmpdir(), 'kitaphana-status-'));
const ru = translator('ru');
const content = smallContent('ru');
const wb = validate(planSnapshot(templatePlan(content))).workbook;

function row(lib: string, status: ReportStatus, day: number, comment: string | null = null): ContentRow {
  return {
    lib_id: lib,
    status: ru.t(`enum.report_status.${status}`),
    changed_by: status === 'submitted' ? 'Жакупова Г. С.' : 'Сарсенова А. К.',
    changed_at: { date: Date.UTC(2026, 0, day, 9, 15) },
    comment,
    checksum: reportChecksum(wb, lib),
  };
}

/** KRG_OUNB accepted, KRG_CGB submitted, TMR_CGB returned, ABA_CRB accepted and then edited (S3), ABA_B01 a draft. */
const logged: WorkbookContent = {
  ...content,
  submissions: [
    row('KRG_OUNB', 'submitted', 5),
    row('KRG_CGB', 'submitted', 6),
    row('TMR_CGB', 'submitted', 6),
    row('ABA_CRB', 'submitted', 7),
    row('KRG_OUNB', 'accepted', 8),
    row('TMR_CGB', 'returned', 9, 'Уточните число посещений за IV квартал'),
    row('ABA_CRB', 'accepted', 9),
  ],
  // After acceptance, ABA_CRB wrote a note on U01.
  reports: content.reports.map((r) =>
    r.libId === 'ABA_CRB' ? { ...r, values: { ...r.values, U01: { ...r.values?.U01, note: 'уточнено' } } } : r,
  ),
};
let file = '';
beforeAll(async () => {
  file = join(dir, 'logged.xlsx');
  writeFileSync(file, await writeWorkbook(templatePlan(logged)));
});

describe('kitaphana status', () => {
  it('prints the board as JSON: status, author, time, errors and warnings per library, with the counts', async () => {
    const r = await runCli('status', file, '--json', '--lang', 'en');
    const json = JSON.parse(r.out);
    expect(json.by_status).toEqual({ draft: 1, submitted: 1, accepted: 2, returned: 1 });
    expect(json.libraries.map((l: { lib_id: string; status: string }) => `${l.lib_id}:${l.status}`)).toEqual([
      'KRG_OUNB:accepted',
      'KRG_CGB:submitted',
      'TMR_CGB:returned',
      'ABA_CRB:accepted',
      'ABA_B01:draft',
    ]);
    expect(json.libraries[2]).toMatchObject({
      changed_by: 'Сарсенова А. К.',
      changed_at: '2026-01-09T09:15:00.000Z',
      comment: 'Уточните число посещений за IV квартал',
      errors: 0,
    });
    // The accepted report edited afterwards has its S3 error; the others none.
    expect(json.libraries.map((l: { errors: number }) => l.errors)).toEqual([0, 0, 0, 1, 0]);
    expect(json.libraries[4]).toMatchObject({ changed_by: null, changed_at: null });
    expect(r.code).toBe(1);
  });

  it.each([
    ['ru', 'Принят', 'Действующих библиотек: 5. Черновик: 1, Сдан: 1, Принят: 2, Возвращён: 1.'],
    ['kk', 'Қабылданды', 'Жұмыс істейтін кітапханалар: 5. Жоба: 1, Тапсырылды: 1, Қабылданды: 2, Қайтарылды: 1.'],
    ['en', 'Accepted', 'Active libraries: 5. Draft: 1, Submitted: 1, Accepted: 2, Returned: 1.'],
  ])('prints an aligned board in %s', async (lang, accepted, summary) => {
    const r = await runCli('status', file, '--lang', lang);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(summary);
    const board = lines.slice(0, 6);
    expect(board[1]).toContain(accepted);
    // Every column starts where its header starts: the status column after the longest code.
    const statusAt = board[0]!.indexOf(translator(lang as 'ru').t('cli.status.column.status'));
    for (const line of board.slice(1)) expect(line.slice(statusAt - 2, statusAt)).toBe('  ');
    expect(new Set(board.slice(1).map((l) => l.length)).size).toBe(1);
  });

  it('says what it is in the help, in the language asked for', async () => {
    const r = await runCli('status', '--help', '--lang', 'kk');
    expect(r.out).toContain(translator('kk').t('cli.help.command.status.description').slice(0, 30));
    const c = await runCli('consolidate', '--help', '--lang', 'ru');
    expect(c.out).toContain('--accepted-only');
    expect(c.out).toContain('сводить только отчёты, принятые методистом');
  });

  it('refuses a file that is not a workbook with exit 2', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a workbook');
    expect((await runCli('status', bad, '--lang', 'en')).code).toBe(2);
  });
});

describe('validate and consolidate with the submission log', () => {
  it('validate reports S3 on the accepted report that changed', async () => {
    const r = await runCli('validate', file, '--json', '--lang', 'ru');
    const s3 = JSON.parse(r.out).findings.filter((f: { rule: string }) => f.rule === 'S3');
    expect(s3).toEqual([expect.objectContaining({ table: 'R_ABA_CRB', severity: 'error' })]);
    expect(s3[0].message).toContain('Сарсенова А. К.');
  });

  it('consolidate --accepted-only takes the accepted reports without errors and lists the others', async () => {
    const r = await runCli('consolidate', file, '--accepted-only', '--json', '--lang', 'en');
    const json = JSON.parse(r.out);
    expect(json.accepted_only).toBe(true);
    expect(json.libraries.included_ids).toEqual(['KRG_OUNB']);
    expect(json.libraries.excluded.map((e: { lib_id: string }) => e.lib_id)).toEqual(['ABA_CRB']);
    expect(json.libraries.not_accepted).toEqual([
      { lib_id: 'KRG_CGB', status: 'submitted' },
      { lib_id: 'TMR_CGB', status: 'returned' },
      { lib_id: 'ABA_B01', status: 'draft' },
    ]);
    const all = JSON.parse((await runCli('consolidate', file, '--json', '--lang', 'en')).out);
    expect(all.libraries.included_ids).toEqual(['KRG_OUNB', 'KRG_CGB', 'TMR_CGB', 'ABA_B01']);
    const text = await runCli('consolidate', file, '--accepted-only', '--include-errors', '--lang', 'en');
    expect(text.out).toContain('Consolidated 2 of 5 active libraries.');
    expect(text.out).toContain('not accepted (only accepted reports were consolidated): KRG_CGB, TMR_CGB, ABA_B01');
  });
});
