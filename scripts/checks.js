/**
 * What `npm test` runs before Jest, side by side rather than one after
 * another: the build (the command-line tests run `dist/`), the two type
 * checks (the Node code and tests; the task pane), ESLint and Prettier. One
 * after another they kept a core idle for most of a minute. Each one's
 * output is shown only if it fails; the exit code is 1 if any fails.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const CHECKS = [
  ['build', 'tsc', ['-p', 'tsconfig.build.json']],
  ['type check', 'tsc', ['--noEmit']],
  ['type check of the task pane', 'tsc', ['--noEmit', '-p', 'tsconfig.taskpane.json']],
  ['ESLint', 'eslint', ['.']],
  ['Prettier', 'prettier', ['--check', '--log-level', 'warn', '.']],
];

function run([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(bin(command), args, { cwd: root, shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ name, ok: false, output: `${output}${e.message}\n` }));
    child.on('close', (code) => resolve({ name, ok: code === 0, output }));
  });
}

Promise.all(CHECKS.map(run)).then((results) => {
  const failed = results.filter((r) => !r.ok);
  for (const r of failed) process.stderr.write(`\n${r.name} failed:\n${r.output}`);
  if (failed.length > 0) process.exitCode = 1;
});
