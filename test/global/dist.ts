import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The global setup of the tests that run the built command and bench
 * (`dist/`, jest.config.js's "dist" project): `tsc` builds it once when a
 * source is newer than the build (`npm test` has just built it: nothing to
 * do), so that such a test run alone never runs yesterday's code.
 */
const ROOT = join(__dirname, '..', '..');

/** What tsconfig.build.json leaves out: webpack builds the screens. */
const UNBUILT = new Set(['taskpane', 'playground']);

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (UNBUILT.has(e.name)) continue;
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function builtAt(): number {
  try {
    return statSync(join(ROOT, 'dist', 'cli', 'main.js')).mtimeMs;
  } catch {
    return 0;
  }
}

export default function buildDistOnce(): void {
  const sources = Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'tsconfig.build.json')).mtimeMs);
  if (builtAt() >= sources) return;
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
