/** A catalogue as dotted key → text, as the tests of the catalogues read it. */
export function flatten(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
  }
  return out;
}

/** i18next's plural suffixes: `key_one`, `key_few`… are forms of `key`. */
export const PLURAL = /_(zero|one|two|few|many|other)$/;
