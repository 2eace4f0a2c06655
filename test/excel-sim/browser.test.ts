import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The playground runs the sim in a browser: only the .xlsx bridge may reach the file adapter (and Node).
 * From the office-js adapter it takes only the pure modules it shares: the plan's vocabulary, payload sizes, the host's type.
 */
test('the sim’s core modules import only each other and the pure core', () => {
  const dir = join(__dirname, '..', '..', 'src', 'excel-sim');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'xlsx.ts')) {
    const source = readFileSync(join(dir, file), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
    for (const spec of imports)
      expect([file, spec]).toEqual([
        file,
        expect.stringMatching(/^(\.\/[\w-]+|\.\.\/core\/[\w/-]+|\.\.\/excel\/(vocabulary|payload|host))$/),
      ]);
    expect(source).not.toMatch(/\bBuffer\b|\bprocess\.|\brequire\(/);
  }
});
