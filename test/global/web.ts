import { join } from 'node:path';
import { build, ROOT } from '../../scripts/build-web';
import { has } from '../../scripts/test-programs';

/**
 * The browser project's global setup (jest.config.js): the add-in and the
 * playground built once, with the production configuration, for every
 * end-to-end and content-security-policy test file, which serve what it
 * built (`webBuild`). Jest runs it only when a test of that project runs.
 */
const BUILT = 'KITAPHANA_WEB_BUILT';

export default async function buildWebOnce(): Promise<void> {
  // Without Chromium the browser tests skip themselves: nothing to build for.
  if (!has('chromium')) return;
  await build(['addin', 'playground']);
  // Read by the test files, in the workers started after this (they inherit the environment).
  process.env[BUILT] = String(Date.now());
}

/** The folder the global setup built a target into. */
export function webBuild(target: 'addin' | 'playground'): string {
  if (!process.env[BUILT])
    throw new Error(
      `${target} was not built: the browser tests run in jest's "browser" project, whose setup builds it`,
    );
  return join(ROOT, 'dist', target);
}
