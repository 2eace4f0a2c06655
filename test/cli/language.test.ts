import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli as run } from '../helpers/cli';
import { PLANTED_MISTAKES } from '../../src/sample';
import { languageFromArgs } from '../../src/cli/help';
import type { Language } from '../../src/standard';

/**
 * The command line speaks the user's language all the way: commander's help
 * and errors, and the places of findings (sheet and column labels, not keys).
 */
const root = join(__dirname, '..', '..');
const mistakes = join(root, 'workbooks', 'karaganda-2025-mistakes.xlsx');

/** Commander's English, which must not reach a Kazakh or Russian reader. */
const ENGLISH =
  /Usage:|Options:|Commands:|Arguments:|display help|output the version|\[options\]|\[command\]|choices:|default:|error:|unknown|missing required|too many|Did you mean|Allowed choices|create a new standard workbook|run every check/;

const WORDS: Record<'kk' | 'ru', { usage: string; options: string; commands: string; arguments: string }> = {
  kk: { usage: 'Қолданылуы:', options: 'Параметрлер:', commands: 'Командалар:', arguments: 'Аргументтер:' },
  ru: { usage: 'Использование:', options: 'Параметры:', commands: 'Команды:', arguments: 'Аргументы:' },
};

describe.each(['kk', 'ru'] as const)('the command line in %s', (lang: Language & ('kk' | 'ru')) => {
  const words = WORDS[lang];
  const env = process.env.KITAPHANA_LANG;
  beforeAll(() => {
    // The language a user without --lang has: invalid --lang values fall back to it.
    process.env.KITAPHANA_LANG = lang;
  });
  afterAll(() => {
    if (env === undefined) delete process.env.KITAPHANA_LANG;
    else process.env.KITAPHANA_LANG = env;
  });

  it('prints the program’s help in the language, saying that --lang also sets the sheets’ language', async () => {
    const r = await run('--help', '--lang', lang);
    expect(r.code).toBe(0);
    expect(r.out).toContain(words.usage);
    expect(r.out).toContain(words.options);
    expect(r.out).toContain(words.commands);
    expect(r.out).not.toMatch(ENGLISH);
    for (const cmd of ['init', 'sample']) expect(r.out).toMatch(new RegExp(`${cmd} [^\\n]*[\\s\\S]*?--lang`));
  });

  it.each(['init', 'validate', 'consolidate', 'sample'])('prints the help of %s in the language', async (cmd) => {
    const r = await run(cmd, '--help', '--lang', lang);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${words.usage} kitaphana ${cmd}`);
    expect(r.out).toContain(words.arguments);
    expect(r.out).not.toMatch(ENGLISH);
  });

  it('names an unknown command in the language, with its suggestion', async () => {
    const r = await run('valdate', '--lang', lang);
    expect(r.code).toBe(2);
    expect(r.err).toContain('«valdate»');
    expect(r.err).toMatch(/ validate\b/);
    expect(r.err).not.toMatch(ENGLISH);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('names a missing argument, an unknown option and excess arguments in the language', async () => {
    for (const args of [
      ['init', '--lang', lang],
      ['validate', 'a.xlsx', '--bogus', '--lang', lang],
      ['validate', 'a.xlsx', 'b.xlsx', '--lang', lang],
    ]) {
      const r = await run(...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect({ args, err: r.err }).not.toEqual({ args, err: expect.stringMatching(ENGLISH) });
      expect(r.err.trim()).not.toBe('');
    }
    expect((await run('init', '--lang', lang)).err).toContain('<out>');
    expect((await run('validate', 'a.xlsx', '--bogus', '--lang', lang)).err).toContain('«--bogus»');
  });

  it('refuses an invalid --lang in the user’s language, listing the choices', async () => {
    const r = await run('validate', 'a.xlsx', '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.err).toContain('«de»');
    expect(r.err).toContain('kk, ru, en');
    expect(r.err).not.toMatch(ENGLISH);
  });

  it('prints findings with the sheet’s and the column’s labels, not the keys', async () => {
    const r = await run('validate', mistakes, '--lang', lang);
    expect(r.code).toBe(1);
    // The event whose participants were typed as text ("75 people"), wherever the sample put it.
    const event = /Events (EV-\d+) participants/.exec(PLANTED_MISTAKES.map((m) => m.where).join('\n'))?.[1];
    const labels = {
      kk: [`[Іс-шаралар · ${event} · Қатысушылар]`, '[Есеп BLH_CGB · S01 · III тоқс.]'],
      ru: [`[Мероприятия · ${event} · Участники]`, '[Отчёт BLH_CGB · S01 · III кв.]'],
    }[lang];
    for (const l of labels) expect(r.out).toContain(l);
    for (const key of ['Events', 'Libraries', 'Training', 'R_', 'participants', 'lib_id', 'q3'])
      expect({ key, found: r.out.match(new RegExp(`\\[[^\\]]*\\b${key}`))?.[0] ?? null }).toEqual({ key, found: null });
  });
});

describe('the installed command', () => {
  it('prints its help in Kazakh from the built catalogues', () => {
    const bin = join(root, 'bin', 'kitaphana.js');
    expect(existsSync(join(root, 'dist', 'i18n', 'locales', 'kk.json'))).toBe(true);
    const r = spawnSync(process.execPath, [bin, '--help', '--lang', 'kk'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(WORDS.kk.usage);
    expect(r.stdout).not.toMatch(ENGLISH);
  });

  it('reads no catalogue for --version, and only the language asked for for help', () => {
    /** The catalogues a run reads beyond those its modules read as they load. */
    const added = (...args: string[]) => {
      const script = [
        `const { main } = require(${JSON.stringify(join(root, 'dist', 'cli', 'main.js'))});`,
        `const { loadedCatalogues } = require(${JSON.stringify(join(root, 'dist', 'i18n', 'index.js'))});`,
        `const before = loadedCatalogues();`,
        `const io = { out: () => {}, err: () => {}, tty: false };`,
        `main(['node', 'kitaphana', ...${JSON.stringify(args)}], io)`,
        `  .then(() => console.log(loadedCatalogues().filter((l) => !before.includes(l)).join(',')));`,
      ].join('\n');
      const env = { ...process.env, KITAPHANA_LANG: 'en' };
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
      expect(r.stderr).toBe('');
      return r.stdout.trim().split(',').filter(Boolean);
    };
    expect(added('--version')).toEqual([]);
    expect(added('--help', '--lang', 'kk')).toEqual(['kk']);
    expect(added('init', '--help', '--lang', 'en')).toEqual(['en']);
  });

  it('keeps English help for English', async () => {
    const r = await run('--help', '--lang', 'en');
    expect(r.out).toContain('Usage: kitaphana [options] [command]');
    expect(r.out).toMatch(/init[\s\S]*--lang\s+also\s+sets the language of its sheets/);
  });
});

describe('the language of help and errors, before commander parses', () => {
  it('is --lang wherever it stands, else the user’s', () => {
    expect(languageFromArgs(['node', 'kitaphana', 'init', '--help', '--lang', 'kk'], 'ru')).toBe('kk');
    expect(languageFromArgs(['node', 'kitaphana', '--lang=en', 'validate'], 'ru')).toBe('en');
    expect(languageFromArgs(['node', 'kitaphana', 'validate', '--lang', 'de'], 'ru')).toBe('ru');
    expect(languageFromArgs(['node', 'kitaphana', 'validate', '--', '--lang', 'kk'], 'en')).toBe('en');
  });
});
