import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { has, sharedDir } from '../../scripts/test-programs';

/**
 * The add-in's manifest, validated offline against Microsoft's XSDs with
 * xmllint (Debian's libxml2-utils; `office-addin-manifest validate` needs an
 * online service), and what it must say: a task pane for workbooks that
 * reads and writes, ExcelApi 1.8, a Home-tab button, icons that exist at
 * their sizes, names in Russian and Kazakh, and URLs that the production
 * build rewrites.
 */
const ROOT = join(__dirname, '..', '..');
const XSD = join(sharedDir(), 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');
const MANIFEST = join(ROOT, 'manifest.xml');
const xml = readFileSync(MANIFEST, 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as {
  rewriteManifest(xml: string, url: string): string;
  DEV_URL: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const icons = require('../../scripts/make-icons.js') as { render(size: number): Buffer; SIZES: number[] };

const hasXmllint = has('xmllint');

function validate(file: string): string {
  return execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8', stdio: 'pipe' });
}

function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  (hasXmllint ? it : it.skip)('validates against the XSD of the add-in-only manifest', () => {
    expect(() => validate(MANIFEST)).not.toThrow();
  });

  it('is a task pane for workbooks that reads and writes, and needs ExcelApi 1.8', () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toMatch(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.8"\/>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
  });

  it('has a button on the Home tab that opens the task pane', () => {
    expect(xml).toMatch(
      /<OfficeTab id="TabHome">[\s\S]*<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">/,
    );
  });

  it('names and describes the add-in in Russian and Kazakh', () => {
    for (const element of ['DisplayName', 'Description']) {
      const block = new RegExp(`<${element} [^>]*>([\\s\\S]*?)</${element}>`).exec(xml)?.[1] ?? '';
      expect(block).toMatch(/<Override Locale="ru-RU" Value="[^"]+"\/>/);
      expect(block).toMatch(/<Override Locale="kk-KZ" Value="[^"]+"\/>/);
    }
    expect(xml).toMatch(/Locale="kk-KZ" Value="[^"]*[әіңғүұқөһ][^"]*"/);
  });

  it('points to icons that exist, at the sizes it says, drawn by scripts/make-icons.js', () => {
    const urls = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)/g)];
    expect(urls.length).toBeGreaterThan(4);
    for (const [, path, size] of urls) {
      const png = readFileSync(join(ROOT, path ?? ''));
      expect(pngSize(png)).toEqual({ width: Number(size), height: Number(size) });
    }
    for (const size of icons.SIZES)
      expect(icons.render(size).equals(readFileSync(join(ROOT, 'assets', `icon-${size}.png`)))).toBe(true);
    expect(readdirSync(join(ROOT, 'assets')).sort()).toEqual(icons.SIZES.map((s) => `icon-${s}.png`).sort());
  });

  it('is rewritten for where the add-in is hosted, and still validates', () => {
    const out = webpackConfig.rewriteManifest(xml, 'https://libraries.example.kz/kitaphana');
    expect(out).not.toMatch(/localhost/);
    expect(out).toMatch(/<SourceLocation DefaultValue="https:\/\/libraries.example.kz\/kitaphana\/taskpane.html"\/>/);
    expect(out).toMatch(/<AppDomain>https:\/\/libraries.example.kz<\/AppDomain>/);
    if (hasXmllint) {
      const file = join(mkdtempSync(join(tmpdir(), 'kitaphana-manifest-')), 'manifest.xml');
      writeFileSync(file, out);
      expect(() => validate(file)).not.toThrow();
    }
  });
});
