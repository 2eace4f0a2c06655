/**
 * Calibri's metrics for LibreOffice, without installing a font on the machine.
 *
 * The workbooks' column widths are in digits of their default font, Calibri
 * 11, which LibreOffice on a Debian machine replaces by the wider DejaVu Sans:
 * the Dashboard then prints smaller than in Excel. Carlito, Calibri's metric
 * twin, is Debian's fonts-crosextra-carlito; installing it system-wide changes
 * every other LibreOffice print on the machine, so the package is unpacked
 * into node_modules/.cache/carlito instead, with a fontconfig file that adds
 * it to the system's fonts. A LibreOffice started with FONTCONFIG_FILE set to
 * that file prints with Calibri's metrics; every other one is unchanged.
 *
 * `node scripts/carlito-fonts.js` prepares it (.ci/run does) and prints the
 * file's path, or why it could not, with exit code 1.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PACKAGE = 'fonts-crosextra-carlito';
const CACHE = path.join(__dirname, '..', 'node_modules', '.cache', 'carlito');
const CONFIG = path.join(CACHE, 'fonts.conf');
const FONTS = path.join(CACHE, 'fonts');

const run = (cmd, args, cwd) => spawnSync(cmd, args, { cwd, encoding: 'utf8' });
const lastLine = (text) => (text ?? '').trim().split('\n').pop();

/** The fontconfig file of the system's fonts and Carlito: `{ config }`, or `{ reason }` it is not there. */
function carlitoFonts() {
  // A checkout moved elsewhere has a file naming the old folder: made again.
  const ready = fs.existsSync(path.join(FONTS, 'Carlito-Regular.ttf')) && fs.existsSync(CONFIG);
  if (ready && fs.readFileSync(CONFIG, 'utf8').includes(`<dir>${FONTS}</dir>`)) return { config: CONFIG };
  // Unpacked in a folder of its own, then moved in one step: two test workers never see half a font.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'carlito-'));
  try {
    const download = run('apt-get', ['download', PACKAGE], work);
    if (download.error) return { reason: `apt-get is not available (${download.error.message})` };
    const deb = fs.readdirSync(work).find((f) => f.startsWith(PACKAGE) && f.endsWith('.deb'));
    if (download.status !== 0 || !deb) {
      return { reason: `apt-get download ${PACKAGE} failed: ${lastLine(download.stderr)} (apt-get update?)` };
    }
    const unpacked = path.join(work, 'root');
    const x = run('dpkg', ['-x', path.join(work, deb), unpacked]);
    if (x.status !== 0) return { reason: `dpkg -x ${deb} failed: ${lastLine(x.stderr ?? x.error?.message)}` };
    const from = path.join(unpacked, 'usr', 'share', 'fonts', 'truetype', 'crosextra');
    if (!fs.existsSync(path.join(from, 'Carlito-Regular.ttf')))
      return { reason: `${deb} holds no Carlito-Regular.ttf` };
    fs.mkdirSync(CACHE, { recursive: true });
    fs.rmSync(FONTS, { recursive: true, force: true });
    fs.renameSync(from, FONTS);
    // Its own cache folder first, so that fontconfig writes nothing into the system's.
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n' +
      `  <cachedir>${path.join(CACHE, 'fontconfig')}</cachedir>\n  <dir>${FONTS}</dir>\n` +
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n</fontconfig>\n';
    fs.writeFileSync(`${CONFIG}.part`, xml);
    fs.renameSync(`${CONFIG}.part`, CONFIG);
    return { config: CONFIG };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const fonts = carlitoFonts();
  if (fonts.config) {
    console.log(fonts.config);
  } else {
    console.error(`Carlito (Calibri's metrics) for the LibreOffice tests: ${fonts.reason}`);
    process.exitCode = 1;
  }
}

module.exports = { carlitoFonts };
