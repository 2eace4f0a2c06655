import type { Finding } from '../../src/core/finding';
import type { ConsolidationRun } from '../../src/core/pipeline';
import type { SetupPlan } from '../../src/core/setup';
import { ExcelTooOldError, NotStandardWorkbookError, type CheckResult, type Stage } from '../../src/excel/actions';
import type { Engine } from '../../src/taskpane/engine';
import type { TaskpaneHost, WorkbookSettings } from '../../src/excel/pane';
import { debounceChanges } from '../../src/excel/watch';

/**
 * Fakes for the component tests: a host that records what the pane asks of
 * Excel, and an engine whose actions resolve (or fail) when a test says so,
 * so that every state of a view — empty, running, error, results — can be
 * looked at.
 */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
}

export interface FakeHost extends TaskpaneHost {
  readonly activated: string[];
  settings: WorkbookSettings | null;
  key: string | null;
  changeHandlers: (() => void)[];
  removed: number;
  supported: boolean;
}

export function fakeHost(settings: WorkbookSettings | null = null): FakeHost {
  const host: FakeHost = {
    activated: [],
    settings,
    key: 'meta:Карагандинская область|2025|oblast',
    changeHandlers: [],
    removed: 0,
    supported: true,
    run: () => Promise.reject(new Error('the fake host runs no batches')),
    isSetSupported: () => host.supported,
    // The real debounce, so that a burst of changes is one re-check as in Excel.
    watchTables: async (onChange, delayMs) => {
      const changes = debounceChanges(onChange, delayMs);
      const f = () => changes.push({ table: 'Events', address: 'A2', source: 'Local' });
      host.changeHandlers.push(f);
      return {
        stop: async () => {
          changes.cancel();
          host.changeHandlers = host.changeHandlers.filter((g) => g !== f);
          host.removed++;
        },
      };
    },
    activateSheet: async (name) => {
      host.activated.push(name);
      return true;
    },
    readSettings: async () => host.settings,
    workbookKey: async () => host.key,
  };
  return host;
}

type Call<T> = { readonly stage: (s: Stage) => void; readonly result: Deferred<T>; readonly args: unknown[] };

export interface FakeEngine {
  readonly load: () => Promise<Engine>;
  readonly setup: Call<SetupPlan>[];
  readonly check: Call<CheckResult>[];
  readonly consolidate: Call<ConsolidationRun>[];
  readonly selected: string[];
}

/** The Reports board of one library, its report sent in. */
export const BOARD = {
  rows: [
    {
      libId: 'KRG_TEMIRTAU',
      nameKk: 'Теміртау ОКЖ',
      nameRu: 'Темиртауская ЦБС',
      terrCode: 'TMR',
      status: 'submitted',
      changedBy: null,
      changedAt: null,
      comment: null,
      errors: 0,
      reportErrors: 0,
      warnings: 0,
    },
  ],
  byStatus: { draft: 0, submitted: 1, accepted: 0, returned: 0 },
} as const;

export function fakeEngine(): FakeEngine {
  const e: FakeEngine = {
    setup: [],
    check: [],
    consolidate: [],
    selected: [],
    load: async () =>
      ({
        ExcelTooOldError,
        NotStandardWorkbookError,
        setupWorkbook: (_h: unknown, settings: unknown, o: { onStage: (s: Stage) => void }) => {
          const result = deferred<SetupPlan>();
          e.setup.push({ stage: o.onStage, result, args: [settings] });
          return result.promise;
        },
        checkWorkbook: (_h: unknown, o: { onStage: (s: Stage) => void }) => {
          const result = deferred<CheckResult>();
          e.check.push({ stage: o.onStage, result, args: [] });
          return result.promise;
        },
        consolidateWorkbook: (_h: unknown, o: { onStage: (s: Stage) => void; includeErrors: boolean }) => {
          const result = deferred<ConsolidationRun>();
          e.consolidate.push({ stage: o.onStage, result, args: [o] });
          return result.promise;
        },
        selectCell: async (_h: unknown, cell: string) => {
          e.selected.push(cell);
        },
        readBoard: async () => BOARD,
      }) as unknown as Engine,
  };
  return e;
}

const libraries = {
  rows: [
    {
      n: 0,
      key: 'KRG_TEMIRTAU',
      v: { lib_id: 'KRG_TEMIRTAU', name_ru: 'Темиртауская ЦБС', name_kk: 'Теміртау ОКЖ' },
      bad: null,
    },
    { n: 1, key: 'KRG_ABAY', v: { lib_id: 'KRG_ABAY', name_ru: 'Абайская ЦБС', name_kk: 'Абай ОКЖ' }, bad: null },
  ],
};

export const FINDINGS: Finding[] = [
  {
    rule: 'D1',
    severity: 'error',
    table: 'R_KRG_TEMIRTAU',
    row: 'U01',
    column: 'q1',
    cell: "'KRG_TEMIRTAU'!F6",
    libId: 'KRG_TEMIRTAU',
    message: { key: 'D1.text_number', args: { text: '1 234', number: 1234 } },
  },
  {
    rule: 'D1',
    severity: 'error',
    table: 'R_KRG_ABAY',
    row: 'U02',
    column: 'q2',
    cell: "'KRG_ABAY'!G7",
    libId: 'KRG_ABAY',
    message: { key: 'D1.negative', args: { value: -5 } },
  },
  {
    rule: 'D2',
    severity: 'error',
    table: 'Libraries',
    row: 'KRG_ABAY',
    column: 'type',
    cell: 'Libraries!D4',
    message: { key: 'D2.blank', args: { column: { label: 'column.Libraries.type' } } },
  },
  {
    rule: 'W1',
    severity: 'warning',
    table: 'R_KRG_ABAY',
    row: 'U03',
    column: 'year',
    cell: "'KRG_ABAY'!J8",
    libId: 'KRG_ABAY',
    message: { key: 'D1.negative', args: { value: -1 } },
    explained: true,
  },
];

export function checkResult(findings: Finding[] = FINDINGS): CheckResult {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning' && !f.explained).length;
  return {
    validation: { workbook: { registers: { Libraries: libraries } }, findings, errors, warnings },
  } as unknown as CheckResult;
}

export function consolidationRun(
  language: 'kk' | 'ru' | 'en' = 'ru',
  notAccepted: readonly { libId: string; status: string }[] = [],
): ConsolidationRun {
  const sheets =
    language === 'ru'
      ? ['Свод', 'Диаграммы']
      : language === 'kk'
        ? ['Жиынтық', 'Диаграммалар']
        : ['Summary', 'Dashboard'];
  return {
    language,
    validation: checkResult().validation,
    consolidation: {
      libraries: {
        active: 40,
        included: Array.from({ length: 37 }, (_, i) => `L${i}`),
        excluded: [{ libId: 'KRG_TEMIRTAU', first: FINDINGS[0], errors: 3 }],
        missing: ['KRG_ABAY', 'KRG_NOWHERE'],
        notAccepted,
      },
    },
    plan: { sheets: sheets.map((name) => ({ name })), removeSheets: [] },
  } as unknown as ConsolidationRun;
}

export const NEW_PLAN: SetupPlan = {
  workbook: { sheets: [], removeSheets: [] },
  patches: [],
  columns: [],
  validations: [],
  summary: { added: ['Meta', 'Territories', 'Libraries'], repaired: [], rebuilt: [] },
};
