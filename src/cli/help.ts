/**
 * The command parser's own words in the user's language: `--help` (headings,
 * descriptions of the program, its commands, arguments and options) and its
 * errors (unknown command or option, missing argument, a value outside the
 * choices, too many arguments). Commander writes them in English; here they go
 * through the catalogues (`cli.help.*`, `cli.usage.*`). A description without
 * a catalogue entry keeps the text it was declared with.
 */
import type { Command, Help, Option, Argument } from 'commander';
import { isLanguage, type Language } from '../standard';
import type { Translator } from '../i18n';
import { hasEntry } from '../i18n/catalogues';

/** The language asked for with `--lang` anywhere on the command line, before commander parses it (help needs it first). */
export function languageFromArgs<T extends Language | undefined>(argv: readonly string[], otherwise: T): Language | T {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (isLanguage(value)) return value;
  }
  return otherwise;
}

/**
 * An optional catalogue entry (a description), or `undefined` where the language's catalogue has none:
 * asking `t` would read the fallback catalogues for every description that is not there.
 */
function entry(t: Translator, key: string): string | undefined {
  return hasEntry(t.lang, key) ? t.t(key) : undefined;
}

/**
 * Translates the help and the errors of `program` and every command under it. Nothing is looked up
 * until help or an error is printed: `--version` reads no catalogue.
 */
export function localizeCommands(program: Command, t: () => Translator): void {
  const keys = new Map<Command | Option | Argument, string>();
  for (const cmd of [program, ...allCommands(program)]) {
    const key = cmd === program ? 'cli.help.program' : `cli.help.command.${cmd.name()}`;
    keys.set(cmd, key);
    for (const arg of cmd.registeredArguments) keys.set(arg, `${key}.argument.${arg.name()}`);
    for (const option of cmd.options) keys.set(option, `${key}.option.${option.attributeName()}`);
    cmd.configureHelp(helpIn(t, keys));
    const report = cmd.error.bind(cmd);
    cmd.error = (message, options) => report(commanderError(message, options?.code, t()), options);
  }
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/**
 * Commander's help with the catalogue's descriptions (the declared text where the catalogue has none),
 * translated headings and usage placeholders, and the "(choices: …, default: …)" notes. Commander's own
 * `--help` option and `help` command are not in `keys`.
 */
function helpIn(lazyT: () => Translator, keys: ReadonlyMap<Command | Option | Argument, string>): Partial<Help> {
  // The translator (and its catalogue) is taken only when help is printed.
  const t = {
    get lang() {
      return lazyT().lang;
    },
    t: (key: string, args?: Record<string, unknown>) => lazyT().t(key, args),
  } as Translator;
  const headings: Record<string, string> = {
    'Usage:': 'cli.help.usage',
    'Arguments:': 'cli.help.arguments',
    'Options:': 'cli.help.options',
    'Global Options:': 'cli.help.options',
    'Commands:': 'cli.help.commands',
  };
  const placeholders: Record<string, string> = {
    '[options]': 'cli.help.usage_options',
    '[command]': 'cli.help.usage_command',
  };
  const translatePlaceholders = (s: string) =>
    s
      .split(' ')
      .map((w) => (placeholders[w] ? t.t(placeholders[w]) : w))
      .join(' ');
  const described = (item: Command | Option | Argument, declared: string): string => {
    const key = keys.get(item);
    if (key === undefined) return declared;
    if ('commands' in item) return entry(t, `${key}.description`) ?? declared;
    const own = entry(t, key);
    // An option every command has (`--lang`) is described once for all.
    const shared = 'attributeName' in item ? entry(t, `cli.help.option.${item.attributeName()}`) : undefined;
    return own ?? shared ?? declared;
  };
  const notes = (item: Option | Argument): string => {
    const builtIn = 'long' in item && item.long === '--help' && !keys.has(item);
    const text = builtIn ? t.t('cli.help.help_option') : described(item, item.description);
    const extra: string[] = [];
    if (item.argChoices) extra.push(t.t('cli.help.choices', { list: item.argChoices.join(', ') }));
    const shown = 'isBoolean' in item ? !item.isBoolean() : true;
    if (item.defaultValue !== undefined && shown && item.defaultValue !== '')
      extra.push(t.t('cli.help.default', { value: String(item.defaultValue) }));
    return [text, extra.length > 0 ? `(${extra.join('; ')})` : ''].filter(Boolean).join(' ');
  };
  return {
    styleTitle: (s) => (headings[s] ? t.t(headings[s]) : s),
    styleUsage: translatePlaceholders,
    styleSubcommandTerm: translatePlaceholders,
    commandDescription: (cmd) => described(cmd, cmd.description()),
    subcommandDescription: (cmd) =>
      keys.has(cmd) ? described(cmd, cmd.summary() || cmd.description()) : t.t('cli.help.help_command'),
    optionDescription: notes,
    argumentDescription: notes,
  };
}

/** Commander's error messages (from its source, v14) and what each says, in the catalogue's words. */
const ERRORS: readonly { code: string; pattern: RegExp; key: string; args: readonly string[] }[] = [
  { code: 'commander.unknownCommand', pattern: /unknown command '(.*?)'/, key: 'unknown_command', args: ['name'] },
  { code: 'commander.unknownOption', pattern: /unknown option '(.*?)'/, key: 'unknown_option', args: ['name'] },
  {
    code: 'commander.missingArgument',
    pattern: /missing required argument '(.*?)'/,
    key: 'missing_argument',
    args: ['name'],
  },
  {
    code: 'commander.optionMissingArgument',
    pattern: /option '(.*?)' argument missing/,
    key: 'option_missing_value',
    args: ['name'],
  },
  {
    code: 'commander.missingMandatoryOptionValue',
    pattern: /required option '(.*?)' not specified/,
    key: 'missing_option',
    args: ['name'],
  },
  {
    code: 'commander.invalidArgument',
    pattern: /'(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\./,
    key: 'invalid_choice',
    args: ['name', 'value', 'list'],
  },
  {
    code: 'commander.excessArguments',
    pattern: /too many arguments(?: for '.*?')?\. Expected (\d+) arguments? but got (\d+)/,
    key: 'excess_arguments',
    args: ['expected', 'got'],
  },
];

/** One translated line for a commander error, its suggestion ("Did you mean …?") kept. */
export function commanderError(message: string, code: string | undefined, t: Translator): string {
  const [first = '', ...rest] = message.split('\n');
  for (const e of ERRORS) {
    const m = code === e.code ? e.pattern.exec(first) : null;
    if (!m) continue;
    const args = Object.fromEntries(e.args.map((a, i) => [a, m[i + 1]]));
    const suggestion = /Did you mean (?:one of )?(.*)\?/.exec(rest.join('\n'));
    const hint = suggestion ? ` ${t.t('cli.usage.did_you_mean', { names: suggestion[1] })}` : '';
    return `${t.t(`cli.usage.${e.key}`, args)}${hint} ${t.t('cli.usage.see_help')}`;
  }
  return t.t('cli.usage.other', { detail: first.replace(/^error:\s*/, '') });
}
