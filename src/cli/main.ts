import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { LANGUAGES, isLanguage, type Language } from '../standard/languages';
import type { Translator } from '../i18n';
import { WorkbookFileError, WorkbookWriteError } from '../xlsx/errors';
import { InputError, UsageError, type Io } from './errors';
import { languageFromArgs, localizeCommands } from './help';

/*
 * Each command's module, and the catalogues, are loaded only when a command
 * runs: `--version` and `--help` then load nothing but the command parser.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const lazy = {
  i18n: () => require('../i18n') as typeof import('../i18n'),
  init: () => require('./init') as typeof import('./init'),
  run: () => require('./run') as typeof import('./run'),
  many: () => require('./consolidate-many') as typeof import('./consolidate-many'),
  sample: () => require('./sample') as typeof import('./sample'),
  setup: () => require('./setup') as typeof import('./setup'),
  priorYear: () => require('./prior-year') as typeof import('./prior-year'),
  import: () => require('./import') as typeof import('./import'),
  note: () => require('./note') as typeof import('./note'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The `kitaphana` command. Exit status as the standard says: 0 without
 * errors, 1 with errors in the workbook, 2 when it cannot be read (or the
 * command was used wrongly). Failures are one translated line, never a stack.
 */
export function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '0.0.0';
  }
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  tty: process.stderr.isTTY === true,
};

function userLanguage(): Language {
  return lazy
    .i18n()
    .languageOf(process.env.KITAPHANA_LANG ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG, 'ru');
}

/** What every command's registration shares: where to print, the language of messages, the exit status. */
interface Cli {
  readonly io: Io;
  /** The translator in the language `--lang` chose, or else the user's. */
  pick(opts: { lang?: string }): Translator;
  /** The exit status the command's action came to. */
  exit(code: number): void;
}

const langOption = () => new Option('--lang <lang>', 'language of messages: kk, ru or en').choices([...LANGUAGES]);
const limitOption = () =>
  new Option('--max-unpacked-mb <mb>', 'refuse a workbook whose contents unpack to more than this (default 500)');
const forceOption = (what: string) => new Option('--force', `overwrite ${what} if it is an existing file`);

function addInit(program: Command, { io, pick, exit }: Cli): void {
  program
    .command('init')
    .description('create a new standard workbook')
    .argument('<out>', 'the .xlsx file to create')
    .option('--region <name>', 'reporting unit, e.g. "Karaganda oblast"', '')
    .option('--year <year>', 'reporting year', String(new Date().getUTCFullYear()))
    .addOption(
      new Option('--level <level>', 'oblast or cbs (a library system)').choices(['oblast', 'cbs']).default('oblast'),
    )
    .option('--from <workbook>', 'take the territories and libraries from this workbook and add their report sheets')
    .addOption(forceOption('<out>'))
    .addOption(limitOption())
    .addOption(langOption())
    .action(async (out: string, opts) => {
      exit(await lazy.init().initCommand(out, opts, pick(opts), io));
    });
}

function addValidate(program: Command, { io, pick, exit }: Cli): void {
  program
    .command('validate')
    .description('run every check of the standard')
    .argument('<workbook>', 'the .xlsx file to check')
    .option('--json', 'print the findings as JSON (section 4.1 of the standard)')
    .addOption(limitOption())
    .addOption(langOption())
    .action(async (file: string, opts) => {
      exit(await lazy.run().validateCommand(file, opts, pick(opts), io));
    });
}

function addConsolidate(program: Command, { io, pick, exit }: Cli): void {
  program
    .command('consolidate')
    .description(
      'check and consolidate; write a copy with the generated sheets (several workbooks: a new workbook of them)',
    )
    .argument('<workbook...>', 'the .xlsx files to consolidate (never changed)')
    .option('-o, --output <file>', 'where to write the copy with the generated sheets')
    .option('--include-errors', 'count reports that have errors instead of excluding them')
    .option('--accepted-only', 'consolidate only the reports a methodologist accepted')
    .option('--json', 'print the consolidation as JSON (section 4.1 of the standard)')
    .addOption(forceOption('the output'))
    .addOption(limitOption())
    .addOption(langOption())
    .action(async (files: string[], opts) => {
      exit(
        files.length === 1
          ? await lazy.run().consolidateCommand(files[0] as string, opts, pick(opts), io, version())
          : await lazy.many().consolidateManyCommand(files, opts, pick(opts), io, version()),
      );
    });
}

function addSetup(program: Command, { io, pick, exit }: Cli): void {
  program
    .command('setup')
    .description('set a workbook up as the add-in does: add what is missing, repair damaged reports; write a copy')
    .argument('<workbook>', 'the .xlsx file to set up (never changed)')
    .option('-o, --output <file>', 'where to write the set-up copy')
    .addOption(forceOption('the output'))
    .addOption(limitOption())
    .addOption(langOption())
    .action(async (file: string, opts) => {
      exit(await lazy.setup().setupCommand(file, opts, pick(opts), io));
    });
}

function addPriorYear(program: Command, { io, pick, exit }: Cli): void {
  program
    .command('prior-year')
    .description("fill the blank prior-year values of the reports from last year's workbook; write a copy")
    .argument('<workbook>', "this year's .xlsx file (never changed)")
    .argument('<last-year-workbook>', "last year's .xlsx file of the same network (never changed)")
    .option('-o, --output <file>', 'where to write the filled copy')
    .option('--json', 'print what was filled as JSON')
    .addOption(forceOption('the output'))
    .addOption(limitOption())
    .addOption(langOption())
    .action(async (file: string, lastYear: string, opts) => {
      exit(await lazy.priorYear().priorYearCommand(file, lastYear, opts, pick(opts), io));
    });
}

function addImport(program: Command, { io, pick, exit }: Cli): void {
  program
    .command('import')
    .description('bring other workbooks of the same year into a workbook; write a copy')
    .argument('<target>', 'the workbook to import into (never changed)')
    .argument('<sources...>', 'the workbooks to import from')
    .option('-o, --output <file>', 'where to write the copy with the imported data')
    .option('--dry-run', 'print the plan only; write nothing')
    .addOption(new Option('--prefer <side>', 'whose value stays in every conflict').choices(['target', 'source']))
    .option('--choose <choice...>', 'whose value stays in one conflict: <conflict id>=target or =source')
    .option('--json', 'print the plan as JSON')
    .addOption(forceOption('the output'))
    .addOption(limitOption())
    .addOption(langOption())
    .action(async (target: string, sources: string[], opts) => {
      exit(await lazy.import().importCommand(target, sources, opts, pick(opts), io));
    });
}

function addNote(program: Command, { io, pick, exit }: Cli): void {
  program
    .command('note')
    .description("write the year's analytical note from the consolidation (Word .docx, or text without -o)")
    .argument('<workbook>', "this year's .xlsx file (never changed)")
    .option('--history <workbooks...>', "up to four earlier years' workbooks of the same region and level")
    .option('-o, --output <file>', 'the .docx file to write')
    .option('--include-errors', 'count reports that have errors instead of excluding them')
    .option('--accepted-only', 'consolidate only the reports a methodologist accepted')
    .addOption(forceOption('the output'))
    .addOption(limitOption())
    .addOption(langOption())
    .action(async (file: string, opts) => {
      exit(await lazy.note().noteCommand(file, opts, pick(opts), io, version()));
    });
}

function addStatus(program: Command, { io, pick, exit }: Cli): void {
  program
    .command('status')
    .description('print the board of reports: status, who changed it and when, errors and warnings per library')
    .argument('<workbook>', 'the .xlsx file to read (never changed)')
    .option('--json', 'print the board as JSON')
    .addOption(limitOption())
    .addOption(langOption())
    .action(async (file: string, opts) => {
      exit(await lazy.run().statusCommand(file, opts, pick(opts), io));
    });
}

function addSample(program: Command, { io, pick, exit }: Cli): void {
  program
    .command('sample')
    .description(
      "write the sample workbooks (Karaganda oblast, 2025: clean and with typical mistakes; its 2024 workbook; a rural branch's own 2025 workbook)",
    )
    .argument('[dir]', 'folder to write them to', 'workbooks')
    .addOption(forceOption('the sample files'))
    .addOption(langOption())
    .action(async (dir: string, opts) => {
      exit(await lazy.sample().sampleCommand(dir, opts, pick(opts), io));
    });
}

/** The commands in the order `--help` lists them. */
const COMMANDS = [
  addInit,
  addValidate,
  addConsolidate,
  addSetup,
  addPriorYear,
  addImport,
  addNote,
  addStatus,
  addSample,
];

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  // `--lang` is read before commander parses, so that help and usage errors are in that language too.
  let chosen: Language | undefined = languageFromArgs(argv, undefined);
  const t = (): Translator => lazy.i18n().translator((chosen ??= userLanguage()));
  const cli: Cli = {
    io,
    pick: (opts) => {
      if (isLanguage(opts.lang)) chosen = opts.lang;
      return t();
    },
    exit: (c) => (code = c),
  };

  const program = new Command('kitaphana')
    .description('Standard workbooks, checks and consolidation for library reports (kk, ru, en).')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const add of COMMANDS) add(program, cli);

  localizeCommands(program, t);
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(failureLine(e, t()));
    if (process.env.KITAPHANA_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 2;
  }
}

export function failureLine(e: unknown, t: Translator): string {
  if (e instanceof InputError) return fileErrorLine(e.cause, e.file, t);
  // Every command names its input (InputError); a bare one is a bug, still said with what is known.
  if (e instanceof WorkbookFileError) return fileErrorLine(e, t.t('cli.input_file'), t);
  if (e instanceof WorkbookWriteError && (e.reason === 'macro_extension' || e.reason === 'plain_extension')) {
    return t.t(`cli.error.${e.reason}`, { file: e.detail });
  }
  if (e instanceof WorkbookWriteError && e.reason === 'table_blocked') {
    return t.t('cli.error.table_blocked', { ...e.params, row: t.number(Number(e.params['row'])) });
  }
  if (e instanceof WorkbookWriteError) return t.t('cli.error.write', { detail: e.message });
  if (e instanceof UsageError) return t.t(e.key, e.args);
  return t.t('cli.error.unexpected', { detail: e instanceof Error ? e.message : String(e) });
}

function fileErrorLine(e: WorkbookFileError, file: string, t: Translator): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.params)) params[k] = typeof v === 'number' ? t.number(v) : v;
  return t.t(`cli.error.${e.reason}`, { ...params, file, detail: e.detail });
}
