import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    files: ['src/core/**/*.ts', 'src/standard/**/*.ts'],
    rules: {
      // The core is pure: no file system, no Office, no adapters.
      'no-restricted-imports': [
        'error',
        { patterns: ['fs', 'node:*', 'exceljs', '../xlsx/*', '../cli/*', '../../xlsx/*', '../../cli/*'] },
      ],
    },
  },
);
