#!/usr/bin/env node
'use strict';
// A reader that stops early (`kitaphana … | head`) closes the pipe: what is
// left to print is not wanted, so the command ends quietly, exit status as usual.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});
require('../dist/cli/main.js')
  .main(process.argv)
  .then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
