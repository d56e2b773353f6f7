/**
 * An in-memory Excel for the task pane in a real browser: the subset of Office.js the adapter uses,
 * over a workbook seeded from `window.__SMVP_SEED__`. Served in place of office.js, so this file is
 * self-contained (no imports) and runs as a plain browser script. `window.__host` exposes the
 * workbook's state to the test: selection, sheets, fills, settings, the ribbon's handlers, and a log
 * of the fills and sheets written, in order.
 * What it claims about Excel, and where from (the adapter's own tests on office-addin-mock check
 * the rest: unloaded properties, syncs that fail or hang, the read limit):
 * - Office.onReady resolves with host "Excel" (d.ts: Office.HostType.Excel = "Excel");
 * - a fill reads as color "#FFFFFF" and pattern null both for no fill and for white, with
 *   tintAndShade null only for no fill (OfficeDev/office-js issues 4900 and 6218);
 * - the used range counts formatting-only cells unless valuesOnly (d.ts: Worksheet.getUsedRange);
 * - a sheet name already taken, in any case, is refused with ItemAlreadyExists (error codes page of
 *   "Error handling with the application-specific JavaScript APIs");
 * - Office.actions.associate keeps a handler per id; the ribbon calls it with an event whose
 *   completed() must be called (d.ts: Office.AddinCommands.Event.completed);
 * - a formula written through Range.formulas reads back as written, and its value is #BUSY! while a
 *   custom function calculates (Microsoft, "Custom functions errors": #BUSY!); here the functions
 *   never run, so it stays so;
 * - conditional formats (ConditionalFormatCollection.add("Custom"), clearAll) and charts
 *   (ChartCollection.add and what is set on a chart) are recorded, not drawn.
 * Writes take effect at once rather than at sync: the pane's tests look only at the state after.
 */
interface SeedCell {
  value: string | number | boolean;
  numberFormat?: string;
  fill?: string;
}

interface Seed {
  language: string;
  sheets: Array<{ name: string; rows: Array<Array<SeedCell | null>> }>;
}

interface Cell {
  value: string | number | boolean;
  numberFormat: string;
  fill: string | null;
  pattern: string;
  bold: boolean;
  formula?: string;
}

interface Sheet {
  name: string;
  cells: Map<string, Cell>;
}

(() => {
  const seed = (window as unknown as { __SMVP_SEED__: Seed }).__SMVP_SEED__;
  const sheets: Sheet[] = seed.sheets.map((s) => {
    const cells = new Map<string, Cell>();
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c !== null) cells.set(`${r},${col}`, { value: c.value, numberFormat: c.numberFormat ?? 'General', fill: c.fill ?? null, pattern: c.fill ? 'Solid' : 'None', bold: false });
      }),
    );
    return { name: s.name, cells };
  });
  const host = {
    active: sheets[0]?.name ?? '',
    selection: '',
    settings: new Map<string, string>(),
    syncs: 0,
    actions: new Map<string, unknown>(),
    paneShown: 0,
    log: [] as string[],
    conditionalFormats: [] as Array<{ sheet: string; range: string; formula?: string; fill?: string }>,
    charts: [] as Array<{ sheet: string; type: string; title?: string }>,
  };

  const sheetNamed = (name: string): Sheet => {
    const s = sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (s === undefined) throw new Error(`ItemNotFound: ${name}`);
    return s;
  };

  const blank = (): Cell => ({ value: '', numberFormat: 'General', fill: null, pattern: 'None', bold: false });
  const cellOf = (sheet: Sheet, r: number, c: number): Cell => {
    const key = `${r},${c}`;
    let cell = sheet.cells.get(key);
    if (cell === undefined) {
      cell = blank();
      sheet.cells.set(key, cell);
    }
    return cell;
  };

  const parseAddress = (a: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(a.replace(/\$/g, '').toUpperCase());
    if (m === null) throw new Error(`InvalidArgument: ${a}`);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return [Number(m[2]) - 1, col];
  };
  const letters = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

  /** No fill and white read alike but for tintAndShade (issues 4900, 6218). */
  const reportedFill = (c: Cell) => {
    const none = c.fill === null;
    const white = c.fill === 'FFFFFF';
    return { color: none ? '#FFFFFF' : `#${c.fill}`, pattern: none || white ? null : c.pattern, patternColor: null, tintAndShade: none ? null : 0 };
  };

  const range = (sheet: Sheet, r0: number, c0: number, nr: number, nc: number) => {
    const grid = <T>(f: (cell: Cell) => T): T[][] =>
      Array.from({ length: nr }, (_v, r) => Array.from({ length: nc }, (_w, c) => f(sheet.cells.get(`${r0 + r},${c0 + c}`) ?? blank())));
    // A loaded property holds what Excel sent, not a live view: each grid is built at its first read
    // and kept (the adapter reads numberFormat once per cell), until the range writes that property.
    let values: Cell['value'][][] | undefined;
    let numberFormat: string[][] | undefined;
    const where = `${letters(c0)}${r0 + 1}:${letters(c0 + nc - 1)}${r0 + nr}`;
    const each = (f: (cell: Cell, r: number, c: number) => void) => {
      for (let r = 0; r < nr; r += 1) for (let c = 0; c < nc; c += 1) f(cellOf(sheet, r0 + r, c0 + c), r, c);
    };
    return {
      load: () => undefined,
      get values() {
        values ??= grid((c) => c.value);
        return values;
      },
      set values(v: unknown[][]) {
        values = undefined;
        each((cell, r, c) => {
          const x = v[r][c];
          cell.value = typeof x === 'string' && x.startsWith("'") ? x.slice(1) : (x as Cell['value']);
        });
      },
      get numberFormat() {
        numberFormat ??= grid((c) => c.numberFormat);
        return numberFormat;
      },
      set numberFormat(v: string[][]) {
        numberFormat = undefined;
        each((cell, r, c) => (cell.numberFormat = v[r][c]));
      },
      get formulas() {
        return grid((c) => c.formula ?? c.value);
      },
      set formulas(v: unknown[][]) {
        values = undefined;
        each((cell, r, c) => {
          const x = v[r][c];
          const formula = typeof x === 'string' && x.startsWith('=');
          cell.formula = formula ? x : undefined;
          cell.value = formula ? '#BUSY!' : (x as Cell['value']);
        });
      },
      clear: () => each((cell) => Object.assign(cell, blank(), { formula: undefined })),
      conditionalFormats: {
        clearAll: () => {
          host.conditionalFormats = host.conditionalFormats.filter((f) => f.sheet !== sheet.name || f.range !== where);
        },
        add: (_type: string) => {
          const format: { sheet: string; range: string; formula?: string; fill?: string } = { sheet: sheet.name, range: where };
          host.conditionalFormats.push(format);
          return {
            custom: {
              rule: { set formula(f: string) { format.formula = f; } },
              format: { fill: { set color(c: string) { format.fill = c; } } },
            },
          };
        },
      },
      getCellProperties: () => ({
        value: grid((c) => ({ format: { fill: reportedFill(c), font: { color: '#000000' } } })),
      }),
      setCellProperties: (props: Array<Array<{ format: { fill: { color: string; pattern?: string } } }>>) =>
        each((cell, r, c) => {
          cell.fill = props[r][c].format.fill.color.replace('#', '').toUpperCase();
          cell.pattern = props[r][c].format.fill.pattern ?? 'Solid';
        }),
      format: {
        fill: {
          set color(v: string) {
            host.log.push(`fill ${sheet.name}`);
            each((cell) => {
              cell.fill = v.replace('#', '').toUpperCase();
              cell.pattern = 'Solid';
            });
          },
          clear: () =>
            each((cell) => {
              cell.fill = null;
              cell.pattern = 'None';
            }),
        },
        font: {
          set bold(b: boolean) {
            each((cell) => (cell.bold = b));
          },
        },
        set columnWidth(_w: number) {
          // widths do not matter in memory
        },
      },
      select: () => {
        host.active = sheet.name;
        host.selection = `${letters(c0)}${r0 + 1}`;
      },
    };
  };

  const worksheet = (sheet: Sheet) => ({
    get name() {
      return sheet.name;
    },
    load: () => undefined,
    getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
      const keys = [...sheet.cells].filter(([, c]) => c.value !== '' || (valuesOnly !== true && c.fill !== null)).map(([k]) => k.split(',').map(Number));
      const rows = keys.map(([r]) => r);
      const cols = keys.map(([, c]) => c);
      const isNullObject = keys.length === 0;
      const rowIndex = isNullObject ? 0 : Math.min(...rows);
      const columnIndex = isNullObject ? 0 : Math.min(...cols);
      return { isNullObject, rowIndex, columnIndex, rowCount: isNullObject ? 0 : Math.max(...rows) - rowIndex + 1, columnCount: isNullObject ? 0 : Math.max(...cols) - columnIndex + 1, load: () => undefined };
    },
    getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => range(sheet, r, c, nr, nc),
    charts: {
      add: (type: string) => {
        const chart: { sheet: string; type: string; title?: string } = { sheet: sheet.name, type };
        host.charts.push(chart);
        const ignore = { set name(_n: string) {}, set chartType(_t: string) {}, format: { fill: { setSolidColor: () => undefined }, line: { set color(_c: string) {} } } };
        return {
          title: { set text(t: string) { chart.title = t; } },
          legend: { set position(_p: string) {} },
          setPosition: () => undefined,
          axes: { valueAxis: { set minimum(_v: number) {}, set maximum(_v: number) {}, set numberFormat(_f: string) {} } },
          series: { getItemAt: () => ignore },
        };
      },
    },
    getRange: (address: string) => range(sheet, ...parseAddress(address), 1, 1),
    getCell: (r: number, c: number) => range(sheet, r, c, 1, 1),
    activate: () => {
      host.active = sheet.name;
    },
    freezePanes: { freezeRows: () => undefined },
  });

  const workbook = {
    worksheets: {
      load: () => undefined,
      get items() {
        return sheets.map(worksheet);
      },
      getActiveWorksheet: () => worksheet(sheetNamed(host.active)),
      getItem: (name: string) => worksheet(sheetNamed(name)),
      add: (name: string) => {
        if (sheets.some((x) => x.name.toLowerCase() === name.toLowerCase())) throw new Error('ItemAlreadyExists: The resource being created already exists.');
        host.log.push(`add ${name}`);
        const sheet: Sheet = { name, cells: new Map() };
        sheets.push(sheet);
        return worksheet(sheet);
      },
    },
    settings: {
      getItemOrNullObject: (key: string) => ({
        isNullObject: !host.settings.has(key),
        value: host.settings.get(key) ?? null,
        load: () => undefined,
        delete: () => host.settings.delete(key),
      }),
      add: (key: string, value: string) => host.settings.set(key, value),
    },
  };

  const context = {
    workbook,
    sync: async () => {
      host.syncs += 1;
    },
  };

  Object.assign(window, {
    Office: {
      onReady: async () => ({ host: 'Excel', platform: 'PC' }),
      context: { displayLanguage: seed.language, platform: 'PC' },
      HostType: { Excel: 'Excel' },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
      actions: { associate: (id: string, handler: unknown) => host.actions.set(id, handler) },
      addin: {
        showAsTaskpane: async () => {
          host.paneShown += 1;
        },
      },
    },
    Excel: { run: async <T>(batch: (c: typeof context) => Promise<T>) => batch(context) },
    CustomFunctions: { associate: () => undefined, Error: Error, ErrorCode: {} },
    __host: {
      state: host,
      sheetNames: () => sheets.map((s) => s.name),
      /** Rows (0-based) of a sheet whose first cell has the given fill. */
      rowsFilled: (name: string, fill: string) =>
        [...sheetNamed(name).cells].filter(([k, c]) => k.endsWith(',0') && c.fill === fill).map(([k]) => Number(k.split(',')[0])),
      fillOf: (name: string, address: string) => sheetNamed(name).cells.get(parseAddress(address).join(','))?.fill ?? null,
      valueOf: (name: string, address: string) => sheetNamed(name).cells.get(parseAddress(address).join(','))?.value ?? '',
      formulaOf: (name: string, address: string) => sheetNamed(name).cells.get(parseAddress(address).join(','))?.formula ?? null,
    },
  });
})();
