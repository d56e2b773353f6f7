/**
 * An Excel object model for the Office.js adapter, built on office-addin-mock. Each behaviour is a
 * claim about Excel, with its source beside it:
 * - properties must be loaded and synced before they are read, and reading one that was not throws
 *   (PropertyNotLoaded: error codes page of "Error handling with the application-specific JavaScript
 *   APIs"; office-addin-mock only returns an error text, so reads go through `strict`);
 * - writes to the workbook's cells, sheets and settings are queued and carried out by the next sync,
 *   in order, and not at all when it fails (d.ts: RequestContext.sync "Synchronizes the state
 *   between JavaScript proxy objects and the Office document"); a range of the active sheet is read
 *   at the sync, after the writes queued before it; a new sheet's cells are recorded at once, for
 *   the tests to inspect;
 * - a fill reads as Excel reports it: color "#FFFFFF" and pattern null both for no fill and for a
 *   white fill, tintAndShade null only for no fill (OfficeDev/office-js issues 4900 and 6218);
 * - the used range counts formatting-only cells unless `valuesOnly` (d.ts: Worksheet.getUsedRange,
 *   "any cells that have a value or formatting");
 * - a read of more cells than Excel's limit fails the sync with RangeExceedsLimit ("A range is
 *   limited to 5,000,000 cells for read operations": Resource limits and performance optimization);
 * - adding a sheet whose name is taken (in any case, as Excel's own sheet names) fails the sync with
 *   ItemAlreadyExists (error codes page; d.ts: WorksheetCollection.add "the name should be unique");
 * - a sync can be made to fail or to hang (`syncFault`), as a lost connection or a busy Excel does;
 * - on the active sheet, `formulas` written to a range hold a formula ("=…") or a constant, read back
 *   by `formulas` as written and by `values` as the constant, or, for a formula, what `calculate`
 *   says Excel shows (by default #BUSY!, "the cell is still calculating": Microsoft, "Custom functions
 *   errors"); `clear(applyTo)` empties the cells, their formats or both (d.ts: Range.clear, ClearApplyTo); conditional formats added with
 *   `conditionalFormats.add("Custom")` keep their range, rule formula and fill, and `clearAll()` drops
 *   those of the same range (d.ts: ConditionalFormatCollection.add, clearAll);
 * - a chart added on a new sheet (`charts.add(type, range, seriesBy)`) is recorded with its source
 *   band, and what the code sets on it (title, legend, position, value axis, each series' name,
 *   chart type and colours) is recorded at the next sync (see MockChart for the sources).
 * Every sync is counted with the estimated size of what it carried, so tests and benchmarks see the
 * round trips.
 */
import { OfficeMockObject } from 'office-addin-mock';

/** A cell of the active sheet: a value, or only a fill (formatting-only). */
export interface MockCell {
  readonly value?: string | number;
  readonly numberFormat?: string;
  /** RGB hex without '#'; "FFFFFF" is a real white fill, different from none. */
  readonly fill?: string;
}

/** A fill a cell has (no entry: no fill). */
export interface MockFill {
  readonly color: string;
  readonly pattern: string;
  readonly tintAndShade: number;
}

export type SyncFault = 'fail' | 'hang';

export interface MockOptions {
  readonly sheetName?: string;
  /** Other sheets already in the workbook. */
  readonly otherSheets?: readonly string[];
  /** Workbook settings already stored, by key. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Most cells one read may cover: Excel's 5,000,000 unless a test of batching sets fewer. */
  readonly readCellLimit?: number;
  /** The fate of each sync, by its number (1-based): fail like a lost connection, or hang until released. */
  readonly syncFault?: (n: number) => SyncFault | undefined;
  /** What Excel shows for a formula written on the active sheet, by its address. */
  readonly calculate?: (address: string, formula: string) => unknown;
}

/** A conditional format of the active sheet: the range it covers (A1, "P5:P107"), its rule's formula and fill. */
export interface MockConditionalFormat {
  readonly range: string;
  formula?: string;
  fill?: string;
}

export interface Written {
  values?: unknown[][];
  numberFormat?: unknown[][];
}

/** A series of a MockChart, with what the code set on it (colours as given, "#RRGGBB"). */
export interface MockSeries {
  name?: string;
  chartType?: string;
  fill?: string;
  line?: string;
}

/**
 * A chart added on a new sheet. Its series come from the source band as Excel makes them (Microsoft,
 * "Work with charts using the Excel JavaScript API": charts.add over A1:B13 plots column B, named by
 * B1, over the categories of column A): with seriesBy "Columns" one series per column after the
 * first, which holds the categories; with "Rows" one per row after the first. With "Auto" (or none)
 * Excel on desktop "will inspect the source data shape to automatically guess" and on the web "will
 * simply default to columns" (d.ts, enum ChartSeriesBy): the mock does not guess, and refuses it. A
 * series past the last one cannot be dressed: Excel fails the request (its error code there is not
 * documented; the mock says InvalidArgument).
 */
export interface MockChart {
  readonly type: string;
  /** Key of the source band, as in `added`: "R5C0:14x4" (0-based row, column, rows × columns). */
  readonly source: string;
  readonly seriesBy: string;
  readonly series: MockSeries[];
  readonly valueAxis: { minimum?: number; maximum?: number; numberFormat?: string };
  title?: string;
  legend?: string;
  /** setPosition(startCell, endCell), A1. */
  position?: readonly [string, string | undefined];
}

export interface ExcelMock {
  readonly excel: { run: <T>(batch: (context: unknown) => Promise<T>) => Promise<T> };
  /** Estimated bytes carried by each sync that Excel answered, in order; its length is the number of syncs. */
  readonly syncs: number[];
  /** Sheets added by the code, with what was written in them (by address of the written band). */
  readonly added: Map<string, Map<string, Written>>;
  /** Charts added on the new sheets, by sheet name, in the order they were added. */
  readonly charts: Map<string, MockChart[]>;
  /** The fill a cell of the active sheet has now; null for none. */
  readonly fillOf: (address: string) => MockFill | null;
  readonly selected: string[];
  readonly settings: Map<string, string>;
  readonly activated: string[];
  /** Answers the syncs left hanging; they then carry out their work, as Excel does when it catches up. */
  readonly release: () => void;
  /** What the code wrote in a cell of the active sheet: its formula or constant, number format and bold. */
  readonly writtenAt: (address: string) => { formula?: unknown; numberFormat?: string; bold?: boolean } | undefined;
  readonly conditionalFormats: MockConditionalFormat[];
}

export const EXCEL_READ_CELL_LIMIT = 5_000_000;

function size(v: unknown): number {
  return JSON.stringify(v ?? null).length;
}

/** office-addin-mock marks an unloaded property with one of these texts instead of throwing, as Excel does. */
const MOCK_NOT_READY = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);

function propertyNotLoaded(name: string): Error {
  return Object.assign(new Error(`PropertyNotLoaded: The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`), { code: 'PropertyNotLoaded' });
}

/** The adapter's view of a mock object: an unloaded property throws; the mock's own methods run on the object itself. */
function strict<T extends object>(m: T): T {
  return new Proxy(m, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop);
      if (typeof v === 'string' && MOCK_NOT_READY.has(v)) throw propertyNotLoaded(String(prop));
      return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v;
    },
  });
}

function excelError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

function address(row: number, col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** What getCellProperties reports for a fill (issues 4900, 6218: no fill and white read alike but for tintAndShade). */
function reportedFill(fill: MockFill | undefined) {
  if (fill === undefined) return { color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: null };
  const white = fill.color === '#FFFFFF';
  return { color: fill.color, pattern: white ? null : fill.pattern, patternColor: null, tintAndShade: fill.tintAndShade };
}

export function mockExcel(rows: ReadonlyArray<ReadonlyArray<MockCell | undefined>>, options: MockOptions = {}): ExcelMock {
  const readCellLimit = options.readCellLimit ?? EXCEL_READ_CELL_LIMIT;
  const created: OfficeMockObject[] = [];
  const syncs: number[] = [];
  let pending = 0;
  /** Work queued since the last sync: writes, and checks that fail the sync (Excel reports errors at sync). */
  let queued: Array<() => void> = [];
  /** Results of getCellProperties waiting for the next sync before they can be read. */
  let unready: Array<() => void> = [];
  const hanging: Array<() => void> = [];
  const added = new Map<string, Map<string, Written>>();
  const charts = new Map<string, MockChart[]>();
  const fills = new Map<string, MockFill>();
  const selected: string[] = [];
  const activated: string[] = [];
  const settings = new Map(Object.entries(options.settings ?? {}));
  const sheetName = options.sheetName ?? 'Foglio1';
  const sheetNames = [sheetName, ...(options.otherSheets ?? [])];

  rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (cell?.fill !== undefined) fills.set(address(r, c), { color: `#${cell.fill}`, pattern: 'Solid', tintAndShade: 0 });
    }),
  );

  const track = (data: Record<string, unknown>, extra: Record<string, unknown> = {}): OfficeMockObject => {
    const m = new OfficeMockObject(data as never);
    Object.assign(m, extra);
    created.push(m);
    return strict(m);
  };

  /** A ClientResult: its value can be read only after the next sync. */
  const clientResult = <T>(value: T) => {
    let ready = false;
    unready.push(() => (ready = true));
    return {
      get value(): T {
        if (!ready) throw propertyNotLoaded('value');
        return value;
      },
    };
  };

  const later = (op: () => void) => queued.push(op);

  /** A cell range of the active sheet: its fill can be read, set, cleared or restored (nothing to load). */
  const cellRange = (at: string): OfficeMockObject =>
    Object.assign(
      new OfficeMockObject({
        getCellProperties: () => {
          const props = [[{ format: { fill: reportedFill(fills.get(at)) } }]];
          pending += size(props);
          return clientResult(props);
        },
        setCellProperties: (props: Array<Array<{ format: { fill: { color: string; pattern?: string; tintAndShade?: number } } }>>) => {
          pending += size(props);
          const { color, pattern, tintAndShade } = props[0][0].format.fill;
          later(() => fills.set(at, { color: color.toUpperCase(), pattern: pattern ?? 'Solid', tintAndShade: tintAndShade ?? 0 }));
        },
        select: () => later(() => selected.push(at)),
      } as never),
      {
        format: {
          fill: {
            set color(c: string) {
              pending += size(c) + at.length;
              later(() => fills.set(at, { color: c.toUpperCase(), pattern: 'Solid', tintAndShade: 0 }));
            },
            clear: () => {
              pending += at.length;
              later(() => fills.delete(at));
            },
          },
        },
      },
    );

  /** Cells of the active sheet the code wrote, over the ones it started with. */
  const written = new Map<string, { formula?: unknown; numberFormat?: string; bold?: boolean }>();
  const conditionalFormats: MockConditionalFormat[] = [];
  const isFormula = (f: unknown): f is string => typeof f === 'string' && f.startsWith('=');

  const band = (r0: number, c0: number, nr: number, nc: number) => {
    const slice = rows.slice(r0, r0 + nr).map((line) => Array.from({ length: nc }, (_v, c) => line[c0 + c]));
    while (slice.length < nr) slice.push(Array.from({ length: nc }, () => undefined));
    const at = (r: number, c: number) => written.get(address(r0 + r, c0 + c));
    const formulas = slice.map((line, r) => line.map((cell, c) => at(r, c)?.formula ?? cell?.value ?? ''));
    const values = formulas.map((line, r) => line.map((f, c) => (isFormula(f) ? (options.calculate?.(address(r0 + r, c0 + c), f) ?? '#BUSY!') : f)));
    const numberFormat = slice.map((line, r) => line.map((cell, c) => at(r, c)?.numberFormat ?? cell?.numberFormat ?? 'General'));
    const props = slice.map((line, r) => line.map((_cell, c) => ({ format: { fill: reportedFill(fills.get(address(r0 + r, c0 + c))), font: { color: '#000000' } } })));
    return { values, numberFormat, formulas, props };
  };

  /** Writes to a band of the active sheet, carried out at the next sync. */
  const writeBand = (r0: number, c0: number, nr: number, nc: number, apply: (cell: { formula?: unknown; numberFormat?: string; bold?: boolean }, r: number, c: number) => void) =>
    later(() => {
      for (let r = 0; r < nr; r += 1) {
        for (let c = 0; c < nc; c += 1) {
          const key = address(r0 + r, c0 + c);
          const cell = written.get(key) ?? {};
          apply(cell, r, c);
          written.set(key, cell);
        }
      }
    });

  /** What a band of the active sheet can be given: formulas, formats, bold, conditional formats, clear. */
  const bandWrites = (r0: number, c0: number, nr: number, nc: number) => {
    const range = `${address(r0, c0)}:${address(r0 + nr - 1, c0 + nc - 1)}`;
    return {
      format: { font: { set bold(b: boolean) { pending += size(b); writeBand(r0, c0, nr, nc, (cell) => (cell.bold = b)); } } },
      conditionalFormats: {
        clearAll: () => later(() => conditionalFormats.splice(0, conditionalFormats.length, ...conditionalFormats.filter((f) => f.range !== range))),
        add: (type: string) => {
          if (type !== 'Custom') throw new Error(`conditionalFormats.add: the mock has only "Custom", not ${type}`);
          const format: MockConditionalFormat = { range };
          later(() => conditionalFormats.push(format));
          return {
            custom: {
              rule: { set formula(f: string) { pending += size(f); later(() => (format.formula = f)); } },
              format: { fill: { set color(c: string) { pending += size(c); later(() => (format.fill = c)); } } },
            },
          };
        },
      },
      clear: (applyTo = 'All') => writeBand(r0, c0, nr, nc, (cell) => {
        if (applyTo !== 'Formats') cell.formula = '';
        if (applyTo === 'Contents') return;
        cell.numberFormat = 'General';
        cell.bold = false;
      }),
    };
  };

  /** A read range of the active sheet whose `formulas` and `numberFormat` can also be written. */
  const activeRange = (r0: number, c0: number, nr: number, nc: number, data: Record<string, unknown>, extra: Record<string, unknown>) => {
    const raw = new OfficeMockObject(data as never);
    Object.assign(raw, bandWrites(r0, c0, nr, nc), extra);
    created.push(raw);
    // Loaded properties take the cells as they are once the batch's writes are done, at every load.
    const load = raw.load.bind(raw);
    raw.load = (what) => {
      const loaded = load(what);
      unready.push(() => {
        const now: Record<string, unknown> = band(r0, c0, nr, nc);
        for (const key of Object.keys(data)) if (!MOCK_NOT_READY.has(Reflect.get(raw, key) as string)) Reflect.set(raw, key, now[key]);
      });
      return loaded;
    };
    return new Proxy(strict(raw), {
      set(target, prop, value: unknown[][]) {
        if (prop !== 'formulas' && prop !== 'numberFormat') return Reflect.set(target, prop, value);
        pending += size(value);
        writeBand(r0, c0, nr, nc, (cell, r, c) => (prop === 'formulas' ? (cell.formula = value[r][c]) : (cell.numberFormat = value[r][c] as string)));
        return true;
      },
    });
  };

  /** The smallest box around the cells with a value, or with a value or a fill (Excel's default). */
  const usedBox = (valuesOnly: boolean) => {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        const hasValue = cell?.value !== undefined && cell.value !== '';
        if (!hasValue && (valuesOnly || cell?.fill === undefined)) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    for (const [at, cell] of written) {
      if (cell.formula === undefined || cell.formula === '') continue;
      const m = /^([A-Z]+)(\d+)$/.exec(at);
      const c = [...(m?.[1] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const r = Number(m?.[2] ?? 1) - 1;
      [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
    }
    return bottom < 0 ? null : { rowIndex: top, columnIndex: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  };

  const activeSheet = track({
    name: sheetName,
    getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
      const box = usedBox(valuesOnly === true);
      return track(box ?? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }, { isNullObject: box === null });
    },
    getRangeByIndexes: (r0: number, c0: number, nr: number, nc: number) => {
      if (nr * nc > readCellLimit) {
        // Not built: Excel refuses the read at sync.
        later(() => {
          throw excelError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
        });
        return track({ values: [], numberFormat: [] }, { getCellProperties: () => clientResult([]) });
      }
      const { values, numberFormat, formulas, props } = band(r0, c0, nr, nc);
      return activeRange(r0, c0, nr, nc, { values, numberFormat, formulas }, {
        getCellProperties: () => {
          pending += size(values) + size(numberFormat) + size(props);
          return clientResult(props);
        },
      });
    },
    getRange: (at: string) => cellRange(at),
    activate: () => later(() => activated.push(sheetName)),
  });

  /** A chart on the new sheet `sheet`, over the band `source` (see MockChart); it and what is set on it are recorded at the next sync. */
  const addChart = (sheet: string, type: string, source: string | undefined, seriesBy?: string) => {
    if (source === undefined) throw new Error('charts.add: the source is not a range of this sheet');
    if (seriesBy !== 'Columns' && seriesBy !== 'Rows') throw new Error(`charts.add: seriesBy ${String(seriesBy)} leaves Excel to guess; the mock does not`);
    const dims = /:(\d+)x(\d+)$/.exec(source);
    const count = Number(dims?.[seriesBy === 'Columns' ? 2 : 1] ?? 1) - 1;
    const chart: MockChart = { type, source, seriesBy, series: Array.from({ length: count }, () => ({})), valueAxis: {} };
    const set = (v: unknown, apply: () => void) => {
      pending += size(v);
      later(apply);
    };
    set(type, () => charts.set(sheet, [...(charts.get(sheet) ?? []), chart]));
    const axis = chart.valueAxis;
    return {
      title: { set text(t: string) { set(t, () => (chart.title = t)); } },
      legend: { set position(p: string) { set(p, () => (chart.legend = p)); } },
      setPosition: (from: string, to?: string) => set([from, to], () => (chart.position = [from, to])),
      axes: {
        valueAxis: {
          set minimum(v: number) { set(v, () => (axis.minimum = v)); },
          set maximum(v: number) { set(v, () => (axis.maximum = v)); },
          set numberFormat(f: string) { set(f, () => (axis.numberFormat = f)); },
        },
      },
      series: {
        getItemAt: (i: number) => {
          if (i >= count) later(() => { throw excelError('InvalidArgument', `The chart has no series ${i}.`); });
          const s: MockSeries = chart.series[i] ?? {};
          return {
            set name(n: string) { set(n, () => (s.name = n)); },
            set chartType(t: string) { set(t, () => (s.chartType = t)); },
            format: {
              fill: { setSolidColor: (c: string) => set(c, () => (s.fill = c)) },
              line: { set color(c: string) { set(c, () => (s.line = c)); } },
            },
          };
        },
      },
    };
  };

  const newSheet = (name: string) => {
    const written = new Map<string, Written>();
    /** The band key of each range handed out, for charts.add to name its source. */
    const bandKeys = new WeakMap<object, string>();
    later(() => {
      if (sheetNames.some((n) => n.toLowerCase() === name.toLowerCase())) throw excelError('ItemAlreadyExists', 'The resource being created already exists.');
      sheetNames.push(name);
      added.set(name, written);
    });
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
      bandKeys.set(range, key);
      return range;
    };
    return {
      name,
      charts: { add: (type: string, source: object, seriesBy?: string) => addChart(name, type, bandKeys.get(source), seriesBy) },
      getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => writable(`R${r}C${c}:${nr}x${nc}`),
      getCell: (r: number, c: number) => writable(`R${r}C${c}`),
      freezePanes: { freezeRows: () => undefined },
      activate: () => later(() => activated.push(name)),
    };
  };

  // A collection: `load('items/name')` is emulated directly, since the mock cannot load through arrays.
  let itemsLoaded = false;
  const worksheets = track(
    {
      getActiveWorksheet: () => activeSheet,
      getItem: (name: string) => {
        if (name.toLowerCase() !== sheetName.toLowerCase()) later(() => { throw excelError('ItemNotFound', name); });
        return activeSheet;
      },
      add: (name: string) => newSheet(name),
    },
    {
      load: () => unready.push(() => (itemsLoaded = true)),
    },
  );
  Object.defineProperty(worksheets, 'items', {
    get() {
      if (!itemsLoaded) throw propertyNotLoaded('items');
      return sheetNames.map((name) => ({ name }));
    },
  });

  const workbookSettings = {
    getItemOrNullObject: (key: string) =>
      track({ value: settings.get(key) ?? '' }, { isNullObject: !settings.has(key), delete: () => later(() => settings.delete(key)) }),
    add: (key: string, value: string) => {
      pending += size(value);
      later(() => settings.set(key, value));
    },
  };

  let syncCount = 0;
  const context = {
    workbook: { worksheets, settings: workbookSettings },
    sync: async () => {
      syncCount += 1;
      const fault = options.syncFault?.(syncCount);
      const work = queued;
      const results = unready;
      const carried = pending;
      queued = [];
      unready = [];
      pending = 0;
      if (fault === 'fail') throw excelError('GeneralException', 'There was an internal error while processing the request.');
      if (fault === 'hang') await new Promise<void>((resolve) => hanging.push(resolve));
      for (const m of created) await m.sync();
      for (const op of work) op();
      for (const ready of results) ready();
      syncs.push(carried);
    },
  };

  return {
    excel: { run: async (batch) => batch(context) },
    syncs,
    added,
    charts,
    fillOf: (at) => fills.get(at) ?? null,
    selected,
    settings,
    activated,
    release: () => hanging.splice(0).forEach((resolve) => resolve()),
    writtenAt: (at) => written.get(at),
    conditionalFormats,
  };
}
