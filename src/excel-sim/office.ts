/**
 * A stand-in for the `Office` global: enough for an add-in to start
 * (`onReady`), pick its language (`context.displayLanguage`) and
 * feature-detect (`context.requirements.isSetSupported`) against the
 * requirement set the sim is configured with.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface OfficeHost {
  readonly apiVersion: string;
  readonly displayLanguage: string;
  readonly platform: 'PC' | 'OfficeOnline' | 'Mac' | 'iOS' | 'Android' | 'Universal';
}

export interface SimOffice {
  readonly context: Pick<Office.Context, 'requirements' | 'displayLanguage' | 'contentLanguage'> & {
    readonly host: 'Excel';
    readonly platform: string;
  };
  onReady(
    callback?: (info: { host: 'Excel'; platform: string }) => unknown,
  ): Promise<{ host: 'Excel'; platform: string }>;
  readonly HostType: { readonly Excel: 'Excel' };
}

export function createOffice(host: OfficeHost): SimOffice {
  const requirements: Office.RequirementSetSupport = {
    isSetSupported(name: string, minVersion?: string | number): boolean {
      if (name !== 'ExcelApi') return false;
      const v = minVersion === undefined ? '1.1' : String(minVersion);
      return compareVersions(v, host.apiVersion) <= 0;
    },
  };
  const info = () => ({ host: 'Excel' as const, platform: host.platform });
  return {
    context: {
      requirements,
      get displayLanguage() {
        return host.displayLanguage;
      },
      get contentLanguage() {
        return host.displayLanguage;
      },
      host: 'Excel',
      get platform() {
        return host.platform;
      },
    },
    async onReady(callback) {
      const i = info();
      await callback?.(i);
      return i;
    },
    HostType: { Excel: 'Excel' },
  };
}

/**
 * office-js enums at run time: every `Excel.Some.value` is its PascalCase
 * string (`Excel.ChartType.columnClustered === 'ColumnClustered'`), which is
 * how office-js defines them.
 */
export const enumProxy: Record<string, Record<string, string>> = new Proxy(
  {},
  {
    get: () =>
      new Proxy(
        {},
        {
          get: (...[, key]: [unknown, string | symbol]) =>
            typeof key === 'string' ? key.charAt(0).toUpperCase() + key.slice(1) : undefined,
        },
      ),
  },
);
