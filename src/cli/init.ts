import { REPORTING_YEARS, isLanguage, isReportingYear, type Level } from '../standard';
import type { Translator } from '../i18n';
import { parseWorkbook } from '../core/parse';
import { templatePlan } from '../core/layout/template';
import { registerContent, reportSheetsFor } from '../core/layout/registry';
import { emptyContent, type WorkbookContent } from '../core/layout/content';
import { writeWorkbook, saveWorkbookFile } from '../xlsx/write';
import { readInput } from './files';
import { UsageError, type Io } from './errors';
import { checkOutput } from './output';

export interface InitOptions {
  region: string;
  year: string;
  level: Level;
  from?: string;
  force?: boolean;
  lang?: string;
  maxUnpackedMb?: string;
}

/** `kitaphana init`: a new standard workbook, empty or with the registry of another one. */
export async function initCommand(out: string, opts: InitOptions, t: Translator, io: Io): Promise<number> {
  await checkOutput(out, { inputs: opts.from ? [opts.from] : [], force: opts.force ?? false });
  // Refused as the pane's set-up form refuses them: a workbook without a region or with an impossible year
  // would pass every check and then head its consolidation with nothing, or with 1850.
  if (!/^\d{4}$/.test(opts.year.trim()) || !isReportingYear(Number(opts.year)))
    throw new UsageError('cli.error.year', {
      value: opts.year,
      min: String(REPORTING_YEARS.min),
      max: String(REPORTING_YEARS.max),
    });
  if (!opts.region.trim() && !opts.from) throw new UsageError('cli.error.region');
  const language = isLanguage(opts.lang) ? opts.lang : t.lang;
  let content: WorkbookContent = emptyContent({
    level: opts.level,
    region: opts.region.trim(),
    year: Number(opts.year),
    language,
  });
  if (opts.from) {
    const wb = parseWorkbook(await readInput(opts.from, opts.maxUnpackedMb));
    content = {
      ...content,
      settings: { ...content.settings, region: content.settings.region || wb.meta.region || '' },
      territories: registerContent(wb.registers.Territories),
      libraries: registerContent(wb.registers.Libraries),
      reports: reportSheetsFor(wb, language),
    };
  }
  if (!content.settings.region) throw new UsageError('cli.error.region');
  await saveWorkbookFile(out, await writeWorkbook(templatePlan(content)));
  io.out(t.t('cli.init_done', { file: out, count: content.reports.length }));
  return 0;
}
