/**
 * An Excel object model for the Office.js adapter, built on office-addin-mock: properties must be
 * loaded and synced before they are read, methods are spies (jest.fn in tests), and every sync is
 * counted with the estimated size of what it carried, so tests and benchmarks see the round trips.
 */
import { OfficeMockObject } from 'office-addin-mock';

export type Spy = <F extends (...args: never[]) => unknown>(impl: F) => F;

export interface MockCell {
  readonly value: string | number;
  readonly numberFormat?: string;
  readonly fill?: string;
}

export interface MockOptions {
  readonly sheetName?: string;
  /** Other sheets already in the workbook. */
  readonly otherSheets?: readonly string[];
  /** Workbook settings already stored, by key. */
  readonly settings?: Readonly<Record<string, string>>;
  readonly spy?: Spy;
}

export interface Written {
  values?: unknown[][];
  numberFormat?: unknown[][];
}

export interface ExcelMock {
  readonly excel: { run: <T>(batch: (context: unknown) => Promise<T>) => Promise<T> };
  /** Estimated bytes carried by each sync, in order; its length is the number of syncs. */
  readonly syncs: number[];
  /** Sheets added by the code, with what was written in them (by address of the written band). */
  readonly added: Map<string, Map<string, Written>>;
  /** Per address on the active sheet: the fill set, or 'clear' when cleared, or the properties set. */
  readonly fills: Map<string, unknown>;
  readonly selected: string[];
  readonly settings: Map<string, string>;
  readonly activated: string[];
}

const identity: Spy = (impl) => impl;

function size(v: unknown): number {
  return JSON.stringify(v ?? null).length;
}

export function mockExcel(rows: ReadonlyArray<ReadonlyArray<MockCell | undefined>>, options: MockOptions = {}): ExcelMock {
  const spy = options.spy ?? identity;
  const created: OfficeMockObject[] = [];
  const syncs: number[] = [];
  let pending = 0;
  const added = new Map<string, Map<string, Written>>();
  const fills = new Map<string, unknown>();
  const selected: string[] = [];
  const activated: string[] = [];
  const settings = new Map(Object.entries(options.settings ?? {}));
  const sheetName = options.sheetName ?? 'Foglio1';
  const columnCount = Math.max(0, ...rows.map((r) => r.length));

  const track = (data: Record<string, unknown>, extra: Record<string, unknown> = {}): OfficeMockObject => {
    const m = new OfficeMockObject(data as never);
    Object.assign(m, extra);
    created.push(m);
    return m;
  };

  /** A cell range of the active sheet: its fill can be read, set, cleared or restored (nothing to load). */
  const cellRange = (address: string): OfficeMockObject =>
    Object.assign(new OfficeMockObject(
      {
        getCellProperties: spy(() => {
          const fill = fills.get(address);
          const color = typeof fill === 'string' && fill !== 'clear' ? fill : '#FFFFFF';
          const props = [[{ format: { fill: { color, pattern: color === '#FFFFFF' ? 'None' : 'Solid', patternColor: '', tintAndShade: 0 } } }]];
          pending += size(props);
          return { value: props };
        }),
        setCellProperties: spy((props: unknown) => {
          pending += size(props);
          fills.set(address, props);
        }),
        select: spy(() => selected.push(address)),
      } as never),
      {
        format: {
          fill: {
            set color(c: string) {
              pending += size(c) + address.length;
              fills.set(address, c);
            },
            clear: spy(() => {
              pending += address.length;
              fills.set(address, 'clear');
            }),
          },
        },
      },
    );

  const band = (r0: number, c0: number, nr: number, nc: number) => {
    const slice = rows.slice(r0, r0 + nr).map((line) => Array.from({ length: nc }, (_v, c) => line[c0 + c]));
    while (slice.length < nr) slice.push(Array.from({ length: nc }, () => undefined));
    const values = slice.map((line) => line.map((cell) => cell?.value ?? ''));
    const numberFormat = slice.map((line) => line.map((cell) => cell?.numberFormat ?? 'General'));
    const props = slice.map((line) => line.map((cell) => ({ format: { fill: { color: `#${cell?.fill ?? 'FFFFFF'}` }, font: { color: '#000000' } } })));
    return { values, numberFormat, props };
  };

  const activeSheet = track({
    name: sheetName,
    getUsedRangeOrNullObject: spy(() =>
      track({ rowIndex: 0, columnIndex: 0, rowCount: rows.length, columnCount }, { isNullObject: rows.length === 0 }),
    ),
    getRangeByIndexes: spy((r0: number, c0: number, nr: number, nc: number) => {
      const { values, numberFormat, props } = band(r0, c0, nr, nc);
      const range = track({ values, numberFormat });
      range.getCellProperties = spy(() => {
        pending += size(values) + size(numberFormat) + size(props);
        return { value: props };
      });
      return range;
    }),
    getRange: spy((address: string) => cellRange(address)),
    activate: spy(() => activated.push(sheetName)),
  });

  const newSheet = (name: string) => {
    const written = new Map<string, Written>();
    added.set(name, written);
    const writable = (key: string) => {
      const target: Written = {};
      written.set(key, target);
      const range: Record<string, unknown> = { format: { fill: {}, font: {} } };
      for (const prop of ['values', 'numberFormat'] as const) {
        Object.defineProperty(range, prop, {
          set(v: unknown[][]) {
            pending += size(v);
            target[prop] = v;
          },
        });
      }
      Object.defineProperty(range.format, 'fill', {
        value: {
          set color(c: string) {
            pending += size(c);
            written.set(`${key}#fill`, { values: [[c]] });
          },
        },
      });
      Object.defineProperty(range.format, 'font', { value: { set bold(b: boolean) { pending += size(b); } } });
      Object.defineProperty(range.format, 'columnWidth', { set(w: number) { pending += size(w); } });
      return range;
    };
    return {
      name,
      getRangeByIndexes: spy((r: number, c: number, nr: number, nc: number) => writable(`R${r}C${c}:${nr}x${nc}`)),
      getCell: spy((r: number, c: number) => writable(`R${r}C${c}`)),
      freezePanes: { freezeRows: spy(() => undefined) },
      activate: spy(() => activated.push(name)),
    };
  };

  const sheetNames = [sheetName, ...(options.otherSheets ?? [])];
  // A collection: `load('items/name')` is emulated directly, since the mock cannot load through arrays.
  const worksheets = track(
    {
      getActiveWorksheet: spy(() => activeSheet),
      getItem: spy((name: string) => {
        if (name !== sheetName) throw new Error(`ItemNotFound: ${name}`);
        return activeSheet;
      }),
      add: spy((name: string) => newSheet(name)),
    },
    { items: sheetNames.map((name) => ({ name })), load: spy(() => undefined) },
  );

  const workbookSettings = {
    getItemOrNullObject: spy((key: string) =>
      track({ value: settings.get(key) ?? '' }, { isNullObject: !settings.has(key), delete: spy(() => settings.delete(key)) }),
    ),
    add: spy((key: string, value: string) => {
      pending += size(value);
      settings.set(key, value);
    }),
  };

  const context = {
    workbook: { worksheets, settings: workbookSettings },
    sync: spy(async () => {
      for (const m of created) await m.sync();
      syncs.push(pending);
      pending = 0;
    }),
  };

  return {
    excel: { run: async (batch) => batch(context) },
    syncs,
    added,
    fills,
    selected,
    settings,
    activated,
  };
}
