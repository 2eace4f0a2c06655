#!/usr/bin/env node
/**
 * npm run demo: builds the playground and serves it on localhost, then
 * prints where to open the Kitaphana task pane beside the in-memory Excel
 * with the sample workbook. Ctrl+C stops it.
 *
 *   npm run demo                 port 8080 (or PORT)
 *   npm run demo -- --no-build   serve the last build
 */
const path = require('node:path');
const { build, ROOT } = require('./build-web');
const { serve } = require('./static-server');

async function main() {
  const args = process.argv.slice(2);
  const port = Number(process.env.PORT ?? 8080);
  if (!args.includes('--no-build')) {
    process.stderr.write('Building the playground…\n');
    await build(['playground']);
  }
  const served = await serve(path.join(ROOT, 'dist', 'playground'), port);
  // Each link says what it shows: which workbook (with mistakes or clean, its sheets in which language), and the pane's language.
  console.log(`Kitaphana playground: ${served.url}`);
  console.log(
    `  the sample with typical mistakes (Russian sheets), pane in Russian: ${served.url}?sample=mistakes&lang=ru`,
  );
  console.log(
    `  the clean sample (Russian sheets), pane in Kazakh:                  ${served.url}?sample=clean&lang=kk`,
  );
  console.log(
    `  the clean sample with Kazakh sheets, pane in Kazakh:                ${served.url}?sample=kazakh&lang=kk`,
  );
  console.log('Press Ctrl+C to stop.');
  const stop = () => served.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(
    e.code === 'EADDRINUSE' ? `Port ${process.env.PORT ?? 8080} is taken: try PORT=8081 npm run demo` : e.message,
  );
  process.exit(1);
});
