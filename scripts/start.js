#!/usr/bin/env node
/**
 * npm start: sideloads the add-in into Excel with office-addin-debugging
 * (Windows and Mac) and runs the HTTPS dev server on port 3000. Excel
 * desktop does not exist on Linux: there it says so and points to the
 * playground. `npm run stop` unloads it.
 */
const { spawn } = require('node:child_process');

const stop = process.argv[2] === 'stop';

if (process.platform !== 'win32' && process.platform !== 'darwin') {
  console.error(
    [
      `Sideloading into Excel is not supported on this platform (${process.platform}): Excel desktop runs on Windows and Mac.`,
      'Run the task pane in a browser beside the in-memory Excel instead:  npm run demo',
      'Or serve it over HTTPS for Excel on the web (npm run dev-server) and upload manifest.xml there (Insert › Add-ins › Upload My Add-in).',
    ].join('\n'),
  );
  process.exit(stop ? 0 : 1);
}

let cli;
try {
  cli = require.resolve('office-addin-debugging/cli.js');
} catch {
  console.error(
    'office-addin-debugging is not installed (it is an optional dependency): run npm install on Windows or Mac.',
  );
  process.exit(1);
}

const args = stop
  ? ['stop', 'manifest.xml']
  : [
      'start',
      'manifest.xml',
      'desktop',
      '--app',
      'excel',
      '--dev-server',
      'npm run dev-server',
      '--dev-server-port',
      '3000',
    ];
spawn(process.execPath, [cli, ...args], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 1));
