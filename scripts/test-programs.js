/**
 * The programs from Debian that some tests drive, found once. The tests that
 * need a missing one are skipped (on CI they fail instead: .ci/run installs
 * them), and the test run ends with a line naming what was skipped, so that a
 * green run on a bare machine is not mistaken for a full one.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromiumPath } = require('./chromium');

const runs = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', stdio: 'ignore' }).status === 0;

const PROGRAMS = {
  soffice: {
    package: 'libreoffice-calc-nogui',
    tests: 'test/libreoffice',
    found: () => runs('soffice', ['--version']),
  },
  pdftoppm: {
    package: 'poppler-utils',
    tests: 'test/libreoffice (pages, text)',
    found: () => runs('pdftoppm', ['-v']),
  },
  chromium: { package: 'chromium', tests: 'test/e2e', found: () => chromiumPath() !== null },
  xmllint: { package: 'libxml2-utils', tests: 'schema validation', found: () => runs('xmllint', ['--version']) },
};

const cache = new Map();
/** Whether the program is installed; on CI a missing one is an error, not a skip. */
function has(name) {
  if (!cache.has(name)) cache.set(name, PROGRAMS[name].found());
  const ok = cache.get(name);
  if (!ok && process.env.CI) throw new Error(`${name} is missing: apt-get install -y ${PROGRAMS[name].package}`);
  return ok;
}

function missing() {
  return Object.keys(PROGRAMS).filter((name) => !PROGRAMS[name].found());
}

/**
 * The folder `shared/` of the project (the standard, the OOXML and manifest schemas): beside the
 * checkout (`../shared`, as the workplace lays it out), inside it, or where KITAPHANA_SHARED says.
 */
function sharedDir() {
  const root = path.join(__dirname, '..');
  const candidates = [process.env.KITAPHANA_SHARED, path.join(root, '..', 'shared'), path.join(root, 'shared')];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, 'spec', 'workbook-standard.md'))) return dir;
  }
  throw new Error(
    'The folder shared/ (the standard and the XML schemas) was not found beside this checkout (../shared) ' +
      'nor inside it: put it there or set KITAPHANA_SHARED to its path.',
  );
}

module.exports = { PROGRAMS, has, missing, sharedDir };
