import type { SheetPlan, WorkbookPlan } from '../../src/core/plan';
import { area } from '../../src/core/plan';

/**
 * A plan shaped like the standard's set-up: hidden Meta and Lists sheets, a
 * register whose sheet has a Kazakh name and whose table starts at B3, and a
 * sheet of links. Shared by the tests and by the fixture scripts.
 */
export const NBSP = '\u00a0';
export const EVENTS_SHEET = 'Іс-шаралар';
export const D_2025_03_15 = Date.UTC(2025, 2, 15);
export const DT_2025_12_31 = Date.UTC(2025, 11, 31, 18, 30);
export const ROWS = 2000;

export const EVENTS_HEADER = [
  'event_id',
  'lib_id',
  'date_start',
  'title',
  'form',
  'participants',
  'hours',
  'pd',
  'total',
];

export function metaSheet(): SheetPlan {
  return {
    name: '_meta',
    visibility: 'hidden',
    columnWidths: [14, 24],
    blocks: [],
    tables: [
      {
        name: 'Meta',
        top: 0,
        left: 0,
        header: ['key', 'value'],
        rows: [
          ['standard', 'kitaphana'],
          ['version', '1'],
          ['level', 'oblast'],
          ['year', '2025'],
        ],
      },
    ],
    styles: [],
    validations: [],
  };
}

export function listsSheet(): SheetPlan {
  return {
    name: '_lists',
    visibility: 'hidden',
    columnWidths: [],
    blocks: [],
    tables: [{ name: 'Lists', top: 0, left: 0, header: ['event_form'], rows: [['Семинар'], ['Тренинг'], ['Конкурс']] }],
    styles: [],
    validations: [],
  };
}

export function eventsSheet(): SheetPlan {
  const body = { top: 3, bottom: 3 + ROWS - 1 };
  return {
    name: EVENTS_SHEET,
    visibility: 'visible',
    tabColor: '2E75B6',
    columnWidths: [4, 12, 16, 12, 40, 14, 12, 8, 6, 10],
    blocks: [{ top: 0, left: 1, values: [['Іс-шаралар 2025', null, 'updated', { date: DT_2025_12_31 }]] }],
    tables: [
      {
        name: 'Events',
        top: 2,
        left: 1,
        header: EVENTS_HEADER,
        rows: [
          [
            'EV-0001',
            'KRG_TEMIRTAU',
            { date: D_2025_03_15 },
            `Кітап${NBSP}2025 «оқу»`,
            'Семинар',
            1234,
            2.5,
            true,
            { formula: '=G4*2' },
          ],
          [
            'EV-0002',
            'KRG_ABAI',
            { date: DT_2025_12_31 },
            `1${NBSP}234`,
            'Тренинг',
            0,
            null,
            false,
            { formula: 'G5*2' },
          ],
          [
            'EV-0003',
            'KRG_ABAI',
            null,
            '  padded  ',
            null,
            -3.75,
            0.1,
            null,
            { formula: '=SUM(Events[participants])' },
          ],
        ],
      },
    ],
    styles: [
      { area: area(0, 1), style: { bold: true, size: 14 } },
      { area: area(2, 1, 2, 9), style: { bold: true, wrap: true, vAlign: 'middle', hAlign: 'center' } },
      { area: area(body.top, 1, body.bottom, 8), style: { locked: false } },
      { area: area(body.top, 7, body.bottom, 7), style: { numFmt: '0.0' } },
      {
        area: area(body.top, 9, body.bottom, 9),
        style: { fill: 'F2F2F2', color: '7F7F7F', italic: true, border: true },
      },
    ],
    validations: [
      {
        area: area(body.top, 5, body.bottom, 5),
        rule: { kind: 'list', source: '=_lists!$A$2:$A$16' },
        errorTitle: 'Форма',
        error: 'Тізімнен таңдаңыз.',
      },
      {
        area: area(body.top, 6, body.bottom, 6),
        rule: { kind: 'whole', min: 0 },
        errorTitle: 'Қатысушылар',
        error: 'Бүтін сан, 0 немесе одан көп.',
      },
      {
        area: area(body.top, 7, body.bottom, 7),
        rule: { kind: 'decimal', min: 0, max: 500 },
        errorTitle: 'Сағат',
        error: '0-ден 500-ге дейін.',
      },
      {
        area: area(body.top, 3, body.bottom, 3),
        rule: { kind: 'date', min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 11, 31) },
        errorTitle: 'Күні',
        error: '2025 жылғы күн.',
      },
      {
        area: area(body.top, 4, body.bottom, 4),
        rule: { kind: 'textLength', max: 300 },
        errorTitle: 'Атауы',
        error: '300 таңбадан аспасын.',
      },
    ],
    merges: [area(0, 1, 0, 2)],
    freeze: { rows: 3, columns: 2 },
    protect: true,
    print: { landscape: true, fitToWidth: true, titleRows: [2, 2] },
  };
}

export function issuesSheet(): SheetPlan {
  return {
    name: 'Issues',
    visibility: 'visible',
    columnWidths: [30, 60],
    blocks: [
      {
        top: 0,
        left: 0,
        values: [
          ['cell', 'message'],
          [{ text: `'${EVENTS_SHEET}'!G4`, link: `#'${EVENTS_SHEET}'!G4` }, 'participants: check'],
          [{ text: 'range', link: `#'${EVENTS_SHEET}'!B3:J6` }, 'a range'],
          [{ text: 'web', link: 'https://example.org/a?b=1&c=2' }, 'external'],
        ],
      },
    ],
    tables: [],
    styles: [],
    validations: [],
  };
}

export function samplePlan(): WorkbookPlan {
  return {
    sheets: [metaSheet(), listsSheet(), eventsSheet(), issuesSheet()],
    removeSheets: [],
  };
}
