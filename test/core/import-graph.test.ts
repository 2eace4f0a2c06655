import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of `src/` has no circle (type imports and `import()` count:
 * a circle of types is still two modules that cannot be read one before the
 * other), except inside the in-memory Excel's object model, where a worksheet
 * hands out ranges and a range knows its worksheet as Excel's own objects do.
 */
const SRC = join(__dirname, '..', '..', 'src');
const ALLOWED = 'excel-sim/';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function graph(): Map<string, string[]> {
  const files = sources(SRC);
  const known = new Set(files);
  const resolve = (from: string, spec: string): string | undefined => {
    const base = join(dirname(from), spec);
    return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((f) => known.has(f));
  };
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .filter((i) => i.fileName.startsWith('.'))
      .map((i) => resolve(file, i.fileName))
      .filter((f): f is string => f !== undefined);
    edges.set(
      relative(SRC, file),
      [...new Set(targets)].map((f) => relative(SRC, f)),
    );
  }
  return edges;
}

/** The strongly connected components of more than one module (Tarjan's algorithm). */
function circles(edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  const edges = graph();

  it('reads the imports it checks', () => {
    // A regular expression gone wrong would find no edges and so no circles.
    expect(edges.get('cli/main.ts')).toEqual(expect.arrayContaining(['cli/errors.ts']));
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b']]);
  });

  it('has no circle outside the in-memory Excel’s object model', () => {
    const outside = circles(edges).filter((c) => !c.every((f) => f.startsWith(ALLOWED)));
    expect(outside).toEqual([]);
  });
});
