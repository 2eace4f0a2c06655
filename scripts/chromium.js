/**
 * Debian's Chromium, driven by playwright-core, for the end-to-end tests
 * and the bench: never a downloaded browser. The flags keep it from
 * reaching out to the network (this machine has none but the loopback).
 */
const fs = require('node:fs');

const CHROMIUM = process.env.KITAPHANA_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function chromiumPath() {
  return fs.existsSync(CHROMIUM) ? CHROMIUM : null;
}

async function launch() {
  const path = chromiumPath();
  if (!path)
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set KITAPHANA_CHROMIUM)`);
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: path, args: FLAGS, headless: true });
}

module.exports = { launch, chromiumPath, CHROMIUM, FLAGS };
