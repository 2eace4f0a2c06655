/**
 * Builds the task pane (dist/addin: taskpane.html, its scripts, manifest.xml,
 * icons) and the playground (dist/playground: the same task pane beside the
 * in-memory Excel, with the sample workbooks).
 *
 *   webpack --mode production                      both
 *   webpack --mode production --env target=addin   the add-in only
 *   webpack serve --mode development --env target=addin   https://localhost:3000 for Office
 *
 * The production build rewrites the manifest's https://localhost:3000/ to
 * KITAPHANA_ADDIN_URL (where dist/addin is hosted).
 */
const path = require('node:path');
const { URL } = require('node:url');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { version } = require('./package.json');

const DEV_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
/** A placeholder the production manifest gets unless KITAPHANA_ADDIN_URL says where the add-in is hosted. */
const PLACEHOLDER_URL = 'https://kitaphana.example.org/addin/';

function swcRule(dev) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic', development: dev, refresh: false } },
          // Office's web views: WebView2 (Edge), Safari's WKWebView on the Mac, and current browsers for Excel on the web.
          target: 'es2020',
        },
      },
    },
  };
}

function productionUrl() {
  const url = process.env.KITAPHANA_ADDIN_URL || PLACEHOLDER_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/** The manifest for where the add-in is hosted: every development URL (and the app domain) rewritten. */
function rewriteManifest(xml, url) {
  const base = url.endsWith('/') ? url : `${url}/`;
  const origin = new URL(base).origin;
  return xml.replaceAll(DEV_URL, base).replaceAll(DEV_URL.slice(0, -1), origin);
}

function base(name, dev) {
  return {
    name,
    mode: dev ? 'development' : 'production',
    // No eval-based source maps even in development: the pages' content security policy forbids eval.
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    target: ['web', 'es2020'],
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.json'],
      // The file adapter's path-based helpers import node: modules that the browser never calls.
      fallback: { fs: false, path: false, crypto: false, stream: false, os: false, zlib: false },
      // The writer loads ExcelJS's Workbook alone in Node; the browser takes it from ExcelJS's bundle.
      alias: { 'exceljs/lib/doc/workbook.js$': path.resolve(__dirname, 'src/xlsx/exceljs-workbook.browser.ts') },
    },
    module: { rules: [swcRule(dev)] },
    /**
     * The file adapter runs in the browser too (the playground's workbook, the add-in's Import reader, each
     * loaded on demand): `node:fs` and friends get the same empty fallbacks as their bare names, and its
     * `Buffer` is the buffer package's.
     */
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

function addin(dev, https) {
  const out = path.resolve(__dirname, 'dist/addin');
  return {
    ...base('addin', dev),
    entry: { taskpane: './src/taskpane/index.tsx', commands: './src/taskpane/commands.ts' },
    output: {
      path: out,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    plugins: [
      ...base('addin', dev).plugins,
      new webpack.DefinePlugin({ __KITAPHANA_VERSION__: JSON.stringify(version) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      // The ribbon's function file: its script a file of its own, as the page's content security policy requires.
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/taskpane/commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The page's own style and legacy-engine check, as files: its content security policy allows nothing inline.
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/taskpane/legacy.js', to: 'legacy.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), productionUrl())),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      // Office requires HTTPS; office-addin-dev-certs installs a trusted localhost certificate once.
      server: https ? { type: 'https', options: https } : 'http',
    },
  };
}

/** The trusted localhost certificate, made and installed once by office-addin-dev-certs (only when serving). */
async function devCertificates() {
  const certs = require('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (e) {
    // Installing the CA needs administrator rights (sudo on Linux); the certificate itself is usually made by then.
    const {
      localhostCertificatePath,
      localhostKeyPath,
      caCertificatePath,
    } = require('office-addin-dev-certs/lib/defaults');
    const fs = require('node:fs');
    if (!fs.existsSync(localhostCertificatePath)) throw e;
    console.warn(`${e.message.trim()}\nServing with ${localhostCertificatePath}: trust ${caCertificatePath} yourself.`);
    return {
      cert: fs.readFileSync(localhostCertificatePath),
      key: fs.readFileSync(localhostKeyPath),
      ca: fs.readFileSync(caCertificatePath),
    };
  }
}

function playground(dev) {
  return {
    ...base('playground', dev),
    entry: { playground: './src/playground/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist/playground'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    plugins: [
      ...base('playground', dev).plugins,
      new webpack.DefinePlugin({ __KITAPHANA_VERSION__: JSON.stringify(version) }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/playground/index.html',
        chunks: ['playground'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'workbooks/karaganda-2025.xlsx', to: 'samples/clean.xlsx' },
          { from: 'workbooks/karaganda-2025-mistakes.xlsx', to: 'samples/mistakes.xlsx' },
          { from: 'workbooks/karaganda-2025-kk.xlsx', to: 'samples/kazakh.xlsx' },
          { from: 'assets/icon-32.png', to: 'assets/icon-32.png' },
          { from: 'src/playground/playground.css', to: 'playground.css' },
        ],
      }),
    ],
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = (argv.mode ?? 'production') === 'development';
  const targets = env.target ? String(env.target).split(',') : ['addin', 'playground'];
  if (!dev && targets.includes('addin') && !process.env.KITAPHANA_ADDIN_URL && !env.quiet)
    console.warn(`KITAPHANA_ADDIN_URL is not set: the production manifest points to ${PLACEHOLDER_URL}`);
  const https = env.WEBPACK_SERVE && targets.includes('addin') ? await devCertificates() : null;
  return targets.map((t) => {
    if (t === 'addin') return addin(dev, https);
    if (t === 'playground') return playground(dev);
    throw new Error(`unknown target ${t}: addin or playground`);
  });
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
module.exports.PLACEHOLDER_URL = PLACEHOLDER_URL;
