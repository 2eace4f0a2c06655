import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { LANGUAGES, isLanguage, type Language } from '../standard';
import { languageOf, translator, type Translator } from '../i18n';
import { WorkbookFileError, WorkbookWriteError } from '../xlsx/errors';
import { InputError, UsageError, type Io } from './errors';
import { languageFromArgs, localizeCommands } from './help';
import { initCommand } from './init';
import { validateCommand, consolidateCommand } from './run';
import { sampleCommand } from './sample';

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
  return languageOf(
    process.env.KITAPHANA_LANG ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG,
    'ru',
  );
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  let t: Translator = translator(languageFromArgs(argv, userLanguage()));
  const langOption = () => new Option('--lang <lang>', 'language of messages: kk, ru or en').choices([...LANGUAGES]);
  const pick = (opts: { lang?: string }): Translator => (t = translator(isLanguage(opts.lang) ? opts.lang : t.lang));

  const program = new Command('kitaphana')
    .description('Standard workbooks, checks and consolidation for library reports (kk, ru, en).')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

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
    .option('--force', 'overwrite <out> if it exists')
    .addOption(langOption())
    .action(async (out: string, opts) => {
      code = await initCommand(out, opts, pick(opts), io);
    });

  program
    .command('validate')
    .description('run every check of the standard')
    .argument('<workbook>', 'the .xlsx file to check')
    .option('--json', 'print the findings as JSON (section 4.1 of the standard)')
    .addOption(langOption())
    .action(async (file: string, opts) => {
      code = await validateCommand(file, opts, pick(opts), io);
    });

  program
    .command('consolidate')
    .description('check and consolidate; write a copy with the generated sheets')
    .argument('<workbook>', 'the .xlsx file to consolidate (never changed)')
    .option('-o, --output <file>', 'where to write the copy with the generated sheets')
    .option('--include-errors', 'count reports that have errors instead of excluding them')
    .option('--json', 'print the consolidation as JSON (section 4.1 of the standard)')
    .addOption(langOption())
    .action(async (file: string, opts) => {
      code = await consolidateCommand(file, opts, pick(opts), io, version());
    });

  program
    .command('sample')
    .description('write the sample workbooks (Karaganda oblast, 2025: clean and with typical mistakes)')
    .argument('[dir]', 'folder to write them to', 'workbooks')
    .addOption(langOption())
    .action(async (dir: string, opts) => {
      code = await sampleCommand(dir, pick(opts), io);
    });

  localizeCommands(program, t);
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(failureLine(e, t));
    if (process.env.KITAPHANA_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 2;
  }
}

export function failureLine(e: unknown, t: Translator): string {
  if (e instanceof InputError) return t.t(`cli.error.${e.cause.reason}`, { file: e.file, detail: e.cause.detail });
  if (e instanceof WorkbookFileError) return t.t(`cli.error.${e.reason}`, { file: '', detail: e.detail });
  if (e instanceof WorkbookWriteError) return t.t('cli.error.write', { detail: e.message });
  if (e instanceof UsageError) return t.t(e.key, e.args);
  return t.t('cli.error.unexpected', { detail: e instanceof Error ? e.message : String(e) });
}
