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

/** Commander's parsed arguments, then the options: commander types them loosely, each command's module checks them. */
type Parsed = Parameters<Parameters<Command['action']>[0]>;

/** A command as `--help` lists it, and what runs it. */
interface CommandSpec {
  readonly name: string;
  readonly description: string;
  /** `<name>`, `<name...>` or `[name]`, what it is, and the default of an optional one. */
  readonly args: readonly (readonly [name: string, description: string, fallback?: string])[];
  /** Its own options, in the order `--help` lists them (made afresh for each program). */
  readonly options?: () => readonly Option[];
  /** What `--force` overwrites, for a command that writes a file. */
  readonly overwrites?: string;
  /** Reads no workbook, so has no unpack limit (`sample`). */
  readonly readsNone?: boolean;
  /** Runs it on what commander parsed (the options last); resolves to the exit status. */
  readonly run: (io: Io, pick: Cli['pick'], ...parsed: Parsed) => Promise<number>;
}

const output = (what: string) => new Option('-o, --output <file>', what);
const json = (what: string) => new Option('--json', what);
const includeErrors = () => new Option('--include-errors', 'count reports that have errors instead of excluding them');
const acceptedOnly = () => new Option('--accepted-only', 'consolidate only the reports a methodologist accepted');

/** The commands in the order `--help` lists them. */
const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'init',
    description: 'create a new standard workbook',
    args: [['<out>', 'the .xlsx file to create']],
    options: () => [
      new Option('--region <name>', 'reporting unit, e.g. "Karaganda oblast"').default(''),
      new Option('--year <year>', 'reporting year').default(String(new Date().getUTCFullYear())),
      new Option('--level <level>', 'oblast or cbs (a library system)').choices(['oblast', 'cbs']).default('oblast'),
      new Option(
        '--from <workbook>',
        'take the territories and libraries from this workbook and add their report sheets',
      ),
    ],
    overwrites: '<out>',
    run: async (io, pick, out: string, opts) => lazy.init().initCommand(out, opts, pick(opts), io),
  },
  {
    name: 'validate',
    description: 'run every check of the standard',
    args: [['<workbook>', 'the .xlsx file to check']],
    options: () => [json('print the findings as JSON (section 4.1 of the standard)')],
    run: async (io, pick, file: string, opts) => lazy.run().validateCommand(file, opts, pick(opts), io),
  },
  {
    name: 'consolidate',
    description:
      'check and consolidate; write a copy with the generated sheets (several workbooks: a new workbook of them)',
    args: [['<workbook...>', 'the .xlsx files to consolidate (never changed)']],
    options: () => [
      output('where to write the copy with the generated sheets'),
      includeErrors(),
      acceptedOnly(),
      json('print the consolidation as JSON (section 4.1 of the standard)'),
    ],
    overwrites: 'the output',
    run: async (io, pick, files: string[], opts) =>
      files.length === 1
        ? lazy.run().consolidateCommand(files[0] as string, opts, pick(opts), io, version())
        : lazy.many().consolidateManyCommand(files, opts, pick(opts), io, version()),
  },
  {
    name: 'setup',
    description: 'set a workbook up as the add-in does: add what is missing, repair damaged reports; write a copy',
    args: [['<workbook>', 'the .xlsx file to set up (never changed)']],
    options: () => [output('where to write the set-up copy')],
    overwrites: 'the output',
    run: async (io, pick, file: string, opts) => lazy.setup().setupCommand(file, opts, pick(opts), io),
  },
  {
    name: 'prior-year',
    description: "fill the blank prior-year values of the reports from last year's workbook; write a copy",
    args: [
      ['<workbook>', "this year's .xlsx file (never changed)"],
      ['<last-year-workbook>', "last year's .xlsx file of the same network (never changed)"],
    ],
    options: () => [output('where to write the filled copy'), json('print what was filled as JSON')],
    overwrites: 'the output',
    run: async (io, pick, file: string, lastYear: string, opts) =>
      lazy.priorYear().priorYearCommand(file, lastYear, opts, pick(opts), io),
  },
  {
    name: 'import',
    description: 'bring other workbooks of the same year into a workbook; write a copy',
    args: [
      ['<target>', 'the workbook to import into (never changed)'],
      ['<sources...>', 'the workbooks to import from'],
    ],
    options: () => [
      output('where to write the copy with the imported data'),
      new Option('--dry-run', 'print the plan only; write nothing'),
      new Option('--prefer <side>', 'whose value stays in every conflict').choices(['target', 'source']),
      new Option('--choose <choice...>', 'whose value stays in one conflict: <conflict id>=target or =source'),
      json('print the plan as JSON'),
    ],
    overwrites: 'the output',
    run: async (io, pick, target: string, sources: string[], opts) =>
      lazy.import().importCommand(target, sources, opts, pick(opts), io),
  },
  {
    name: 'note',
    description: "write the year's analytical note from the consolidation (Word .docx, or text without -o)",
    args: [['<workbook>', "this year's .xlsx file (never changed)"]],
    options: () => [
      new Option('--history <workbooks...>', "up to four earlier years' workbooks of the same region and level"),
      output('the .docx file to write'),
      includeErrors(),
      acceptedOnly(),
    ],
    overwrites: 'the output',
    run: async (io, pick, file: string, opts) => lazy.note().noteCommand(file, opts, pick(opts), io, version()),
  },
  {
    name: 'status',
    description: 'print the board of reports: status, who changed it and when, errors and warnings per library',
    args: [['<workbook>', 'the .xlsx file to read (never changed)']],
    options: () => [json('print the board as JSON')],
    run: async (io, pick, file: string, opts) => lazy.run().statusCommand(file, opts, pick(opts), io),
  },
  {
    name: 'sample',
    description:
      "write the sample workbooks (Karaganda oblast, 2025: clean and with typical mistakes; its 2024 workbook; a rural branch's own 2025 workbook)",
    args: [['[dir]', 'folder to write them to', 'workbooks']],
    overwrites: 'the sample files',
    readsNone: true,
    run: async (io, pick, dir: string, opts) => lazy.sample().sampleCommand(dir, opts, pick(opts), io),
  },
];

/** Adds a command with its own options, then those every command ends with: `--force`, the unpack limit, `--lang`. */
function addCommand(program: Command, spec: CommandSpec, { io, pick, exit }: Cli): void {
  const cmd = program.command(spec.name).description(spec.description);
  for (const [name, description, fallback] of spec.args) cmd.argument(name, description, fallback);
  for (const option of spec.options?.() ?? []) cmd.addOption(option);
  if (spec.overwrites) cmd.addOption(new Option('--force', `overwrite ${spec.overwrites} if it is an existing file`));
  if (!spec.readsNone)
    cmd.addOption(
      new Option('--max-unpacked-mb <mb>', 'refuse a workbook whose contents unpack to more than this (default 500)'),
    );
  cmd.addOption(new Option('--lang <lang>', 'language of messages: kk, ru or en').choices([...LANGUAGES]));
  cmd.action(async (...parsed: Parsed) => exit(await spec.run(io, pick, ...parsed)));
}

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
  for (const spec of COMMANDS) addCommand(program, spec, cli);

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
