/**
 * Builds the add-in and/or the playground with webpack's Node API (the same
 * configuration as `npm run build:web`), for the demo, the bench and the
 * end-to-end tests.
 */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** @param {('addin'|'playground')[]} targets */
async function build(targets, { quiet = true } = {}) {
  const webpack = require('webpack');
  const configs = await require(path.join(ROOT, 'webpack.config.js'))(
    { target: targets.join(','), quiet },
    { mode: 'production' },
  );
  const cwd = process.cwd();
  process.chdir(ROOT);
  return new Promise((resolve, reject) => {
    webpack(configs, (err, stats) => {
      process.chdir(cwd);
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(targets.map((t) => path.join(ROOT, 'dist', t)));
    });
  });
}

module.exports = { build, ROOT };

if (require.main === module) {
  const targets = process.argv.slice(2);
  build(targets.length ? targets : ['addin', 'playground'], { quiet: false }).then(
    (dirs) => console.log(`Built ${dirs.join(', ')}`),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
