/** `npm run manifest:validate`: the manifest against Microsoft's XSD in shared/, offline (Debian's xmllint). */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { sharedDir } = require('./test-programs');

const xsd = path.join(sharedDir(), 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');
execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, path.join(__dirname, '..', 'manifest.xml')], {
  stdio: 'inherit',
});
