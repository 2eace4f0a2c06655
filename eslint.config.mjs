import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Forbids a room's imports from the rooms it must not know, and (unless `node`) Node and ExcelJS. */
function layer(files, { rooms, why, node = false, also = [], types = false }) {
  const up = '^(\\.\\./)+';
  return {
    files,
    rules: {
      // typescript-eslint's version of the rule, for `allowTypeImports`: a type costs no bytes in a bundle.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(node ? [] : [{ group: ['fs', 'node:*', 'exceljs'], message: 'no Node or ExcelJS here: ' + why }]),
            { regex: `${up}(${rooms.join('|')})(/|$)`, message: why, allowTypeImports: types },
            ...also,
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/output/', 'workbooks/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Each room of the house imports only from the rooms below it (README, "Architecture").
  layer(['src/i18n/**/*.ts'], {
    // The core is pure: no file system, no Office, no adapters, no screens.
    rooms: ['xlsx', 'cli', 'excel', 'excel-sim', 'taskpane', 'playground', 'bench', 'sample'],
    why: 'the core is pure: it knows neither files nor Excel nor screens',
  }),
  // Nor the catalogues: the edges hand the translating function in (core/translator.ts).
  layer(['src/core/**/*.ts', 'src/standard/**/*.ts'], {
    rooms: ['xlsx', 'cli', 'excel', 'excel-sim', 'taskpane', 'playground', 'bench', 'sample', 'i18n'],
    why: 'the core is pure: it knows neither files nor Excel nor screens, nor the catalogues (core/translator.ts)',
  }),
  // The checks read the parsed workbook (parsed.ts, place.ts), never the parser itself.
  layer(['src/core/checks/**/*.ts'], {
    rooms: ['xlsx', 'cli', 'excel', 'excel-sim', 'taskpane', 'playground', 'bench', 'sample', 'i18n'],
    why: 'the core is pure: it knows neither files nor Excel nor screens',
    also: [{ regex: '^\\.\\./parse(-[a-z]+)?$', message: 'checks read parsed.ts and place.ts, not the parser' }],
  }),
  // The adapter to Excel runs in the pane's browser: no Node, no sim (it is driven by it, not the other way round).
  layer(['src/excel/**/*.ts'], {
    rooms: ['xlsx', 'cli', 'excel-sim', 'taskpane', 'playground', 'bench', 'sample'],
    why: 'the adapter to Excel is used by the task pane, never the other way round, and neither uses the file adapter nor the in-memory Excel',
  }),
  // The adapter to files reads snapshots and writes plans of the core, with Node and ExcelJS; the CLI and the pane's file chunk use it.
  layer(['src/xlsx/**/*.ts'], {
    rooms: ['excel', 'excel-sim', 'cli', 'taskpane', 'playground', 'bench', 'sample'],
    why: 'the adapter to files knows the core only: never Excel, the command line, the screens or the sample',
    node: true,
  }),
  // The note's Word writer renders what the core says (src/core/note); the CLI writes its bytes to a file.
  layer(['src/docx/**/*.ts'], {
    rooms: ['xlsx', 'excel', 'excel-sim', 'cli', 'taskpane', 'playground', 'bench', 'sample'],
    why: 'the Word writer renders the core’s note only: never another adapter, the command line or the screens',
  }),
  // The command line composes the core, the file adapter and the sample; Excel and the screens are not its business.
  layer(['src/cli/**/*.ts'], {
    rooms: ['excel', 'excel-sim', 'taskpane', 'playground', 'bench'],
    why: 'the command line works on files: never Excel, the in-memory Excel, the screens or the bench',
    node: true,
  }),
  // The sample is content made from the standard by the core's layout; the CLI writes it to files.
  layer(['src/sample/**/*.ts'], {
    rooms: ['cli', 'excel', 'excel-sim', 'taskpane', 'playground', 'bench'],
    why: 'the sample makes workbook content only: the command line writes it, nothing here reads Excel or screens',
  }),
  layer(['src/excel-sim/**/*.ts'], {
    rooms: ['cli', 'taskpane', 'playground', 'bench', 'sample'],
    why: 'the in-memory Excel imitates Excel only',
    // It loads .xlsx files into itself with ExcelJS, in Node for the tests and in the playground's browser.
    node: true,
  }),
  // The pane reads .xlsx files only in a chunk loaded on demand (a dynamic import(), which this rule does not see).
  layer(['src/taskpane/**/*.{ts,tsx}'], {
    rooms: ['xlsx', 'cli', 'excel-sim', 'playground', 'bench', 'sample'],
    why: 'the task pane talks to Excel through src/excel only, and loads file readers lazily',
    types: true,
  }),
  // The chunk Import and Fill last year's figures load on demand (`import('./importing')` in importer.ts): the file reader lives there.
  layer(['src/taskpane/importing.ts', 'src/taskpane/read-files.ts'], {
    rooms: ['cli', 'excel-sim', 'playground', 'bench', 'sample'],
    why: 'the pane reads .xlsx files only in the chunk loaded on demand',
    types: true,
  }),
  layer(['src/playground/**/*.{ts,tsx}'], {
    rooms: ['cli', 'bench', 'sample'],
    why: 'the playground is a browser page',
  }),
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      // Every Office call is in the adapter (src/excel): the pane gets what it needs through TaskpaneHost.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression > Identifier.object[name=/^(Office|Excel|OfficeExtension)$/]',
          message: 'Office calls belong in src/excel/ (TaskpaneHost): the task pane never calls Office itself.',
        },
        {
          selector: 'TSQualifiedName > Identifier.left[name=/^(Office|Excel|OfficeExtension)$/]',
          message: 'Office types belong in src/excel/: import the adapter’s own types instead.',
        },
      ],
    },
  },
  {
    // The task pane and the playground: React function components and hooks.
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/playground/**/*.{ts,tsx}', 'test/taskpane/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
);
