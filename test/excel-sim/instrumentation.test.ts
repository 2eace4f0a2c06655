import { DEFAULT_PAYLOAD_LIMIT, SimExcel } from '../../src/excel-sim';
import { dataSim, rejection } from './helpers';

describe('sync counting and payload sizes', () => {
  test('every sync is counted with the bytes of its request and response', async () => {
    const sim = dataSim();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:C4');
      r.load('values');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Data').getRange('E1').values = [['Қарағанды']];
      await ctx.sync();
    });
    expect(sim.syncCount).toBe(2);
    const [read, write] = sim.syncs;
    expect(read?.responseBytes).toBe(JSON.stringify([{ values: sim.values('Data', 'A1:C4') }]).length);
    expect(write?.responseBytes).toBe(2);
    // The request carries the values, counted in UTF-8 (Kazakh letters take two bytes).
    expect(write?.requestBytes).toBeGreaterThan(Buffer.byteLength('Қарағанды'));
    expect(sim.maxRequestBytes).toBe(Math.max(read?.requestBytes ?? 0, write?.requestBytes ?? 0));
    expect(sim.maxResponseBytes).toBe(read?.responseBytes);
    sim.resetStats();
    expect(sim.syncCount).toBe(0);
  });

  test('the default payload limit is Excel on the web’s 5 MB', () => {
    expect(new SimExcel().payloadLimit).toBe(5 * 1024 * 1024);
    expect(DEFAULT_PAYLOAD_LIMIT).toBe(5_242_880);
  });

  test('a request above the limit fails with RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const sim = dataSim({ payloadLimit: 2_000 });
    const before = sim.fingerprint();
    const e = await rejection(
      sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Data');
        s.getRange('F1').values = [['small']];
        s.getRange('A10:A209').values = Array.from({ length: 200 }, (_, i) => [`row ${i}`]);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.fingerprint()).toBe(before);
    expect(sim.syncs[0]?.error).toBe('RequestPayloadSizeLimitExceeded');
  });

  test('a response above the limit fails with ResponsePayloadSizeLimitExceeded and undoes the sync’s writes', async () => {
    const sim = dataSim({ payloadLimit: 2_000 });
    sim.simulateUserEdit(
      'Other',
      'A1:A200',
      Array.from({ length: 200 }, (_, i) => [`row ${i}`]),
    );
    const before = sim.fingerprint();
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('F1').values = [['written first']];
        ctx.workbook.worksheets.getItem('Other').getRange('A1:A200').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(sim.fingerprint()).toBe(before);
  });

  test('reads above 5,000,000 cells are refused, as Excel does', async () => {
    const sim = dataSim();
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A:E').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RangeExceedsLimit');
  });
});

describe('failure injection', () => {
  test('failAtSync(n) fails the n-th sync from now with GeneralException before it applies anything', async () => {
    const sim = dataSim();
    sim.failAtSync(2);
    const fingerprints: string[] = [];
    const e = await rejection(
      sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Data');
        s.getRange('A2').values = [['first sync']];
        await ctx.sync();
        fingerprints.push(sim.fingerprint());
        s.getRange('A3').values = [['second sync']];
        s.getRange('A4').values = [['also second']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('GeneralException');
    expect(sim.fingerprint()).toBe(fingerprints[0]);
    expect(sim.values('Data', 'A2:A4')).toEqual([['first sync'], ['b'], ['c']]);
    // The injection is spent: the next sync works.
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A3').values = [['third']];
      await ctx.sync();
    });
    expect(sim.values('Data', 'A3')).toEqual([['third']]);
  });

  test('another code can be injected', async () => {
    const sim = dataSim();
    sim.failAtSync(1, 'AccessDenied');
    const e = await rejection(sim.run(async (ctx) => ctx.sync()));
    expect(e.code).toBe('AccessDenied');
  });
});

describe('fingerprint', () => {
  test('tells apart workbooks that differ in any sheet setting, gridlines and page layout included', async () => {
    const sim = dataSim();
    const before = sim.fingerprint();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').showGridlines = false;
      await ctx.sync();
    });
    const noGridlines = sim.fingerprint();
    expect(noGridlines).not.toBe(before);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').pageLayout.orientation = 'Landscape';
      await ctx.sync();
    });
    expect(sim.fingerprint()).not.toBe(noGridlines);
  });
});

describe('cell-editing mode', () => {
  test('without delayForCellEdit a sync fails while the user edits a cell; with it the batch waits', async () => {
    const sim = dataSim();
    sim.setCellEditing(true);
    const e = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A2').values = [['x']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    expect(sim.values('Data', 'A2')).toEqual([['a']]);
    let done = false;
    const waiting = sim
      .run({ delayForCellEdit: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A2').values = [['after editing']];
        await ctx.sync();
      })
      .then(() => {
        done = true;
      });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    expect(sim.values('Data', 'A2')).toEqual([['a']]);
    sim.setCellEditing(false);
    await waiting;
    expect(sim.values('Data', 'A2')).toEqual([['after editing']]);
  });
});

describe('requirement sets', () => {
  test('Office.context.requirements.isSetSupported follows the configured ExcelApi version', () => {
    const sim = new SimExcel({ apiVersion: '1.8', displayLanguage: 'kk-KZ' });
    const req = sim.office.context.requirements;
    expect(req.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(req.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(req.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(req.isSetSupported('ExcelApi')).toBe(true);
    expect(req.isSetSupported('WordApi', '1.1')).toBe(false);
    expect(sim.office.context.displayLanguage).toBe('kk-KZ');
    expect(new SimExcel().office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
  });

  test('onReady resolves with the host', async () => {
    const sim = new SimExcel();
    await expect(sim.office.onReady()).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
  });

  test('members of a newer set than configured fail with ApiNotFound, as in an older Excel', async () => {
    const attempts: [string, (ctx: Excel.RequestContext) => void][] = [
      ['1.12', (ctx) => ctx.workbook.tables.getItemAt(0).resize('A1:C5')],
      ['1.6', (ctx) => ctx.workbook.worksheets.getItem('Data').getRange('A1').load('hyperlink')],
      [
        '1.7',
        (ctx) =>
          (ctx.workbook.worksheets.getItem('Data').getRange('A1').dataValidation.rule = {
            list: { source: 'a', inCellDropDown: true },
          }),
      ],
      ['1.6', (ctx) => ctx.workbook.worksheets.getItem('Data').freezePanes.freezeRows(1)],
      ['1.6', (ctx) => ctx.workbook.tables.getItemAt(0).onChanged.add(async () => undefined)],
    ];
    for (const [version, attempt] of attempts) {
      const sim = dataSim({ apiVersion: version });
      await sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true);
        await ctx.sync();
      });
      const e = await rejection(
        sim.run(async (ctx) => {
          attempt(ctx);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('ApiNotFound');
    }
    // With the set available, the same call works.
    const sim = dataSim({ apiVersion: '1.13' });
    await sim.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true);
      t.resize('A1:C5');
      await ctx.sync();
    });
    expect(sim.tables()[0]?.address).toBe('Data!A1:C5');
  });

  test('installGlobals provides Excel.run, office-js enums and Office for code written against the globals', async () => {
    const sim = dataSim();
    const g: Record<string, unknown> = {};
    const restore = sim.installGlobals(g);
    const excel = g['Excel'] as typeof Excel;
    expect(excel.ChartType.columnClustered).toBe('ColumnClustered');
    expect(excel.EventSource.remote).toBe('Remote');
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A2').values = [['via global']];
      await ctx.sync();
    });
    expect(sim.values('Data', 'A2')).toEqual([['via global']]);
    expect((g['Office'] as typeof Office).context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    restore();
    expect(g['Excel']).toBeUndefined();
  });
});

describe('typing against @types/office-js', () => {
  test('the sim’s run is an Excel.run and its context an Excel.RequestContext', async () => {
    const sim = dataSim();
    const run: typeof Excel.run = sim.run;
    // An adapter function written for Excel, unchanged.
    async function readTableNames(context: Excel.RequestContext): Promise<string[]> {
      const tables = context.workbook.tables.load('items/name');
      await context.sync();
      return tables.items.map((t) => t.name);
    }
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').tables.add('A1:C4', true).name = 'Shares';
      await ctx.sync();
    });
    expect(await run(readTableNames)).toEqual(['Shares']);
    expect(await run({ delayForCellEdit: true }, readTableNames)).toEqual(['Shares']);
    const ctx: Excel.RequestContext = sim.context();
    expect(await readTableNames(ctx)).toEqual(['Shares']);
  });
});
