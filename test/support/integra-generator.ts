/**
 * Integra-shaped reports generated at random: the *Performance organizzativa Ente* and the
 * *Performance unità organizzativa*, as engine grids. Each comes with what SMVP makes of it, worked
 * out from the generated tree itself and never through the engine's reader: the level of every
 * printed row, every node's achievement at full precision, and the faults planted in it with the
 * cell where each must be reported.
 *
 * Random choices go through `Draw`: fast-check's `fc.gen()` in the tests (so a failure shrinks to a
 * small report) or a seeded PRNG in `scripts/generated-reports.ts` (so a failure is a seed). Every
 * choice shrinks towards the plainest report: small counts, the first option, features off.
 *
 * Structures stay unambiguous: every ambito has an OS, every OS a block, every block a child, every
 * OO and every obiettivo an indicator, every area an AO, every AO an obiettivo, and only indicators
 * have targets. Values have at most two decimals, so the printed text is the exact figure.
 */
import fc from 'fast-check';
import { Dec, type FindingCode, type Grid, type GridCell, type Level, type SheetReport } from '../../src/engine';

/** The only source of randomness: an integer in [min, max]. */
export interface Draw {
  int(min: number, max: number): number;
}

/**
 * One builder per range: fast-check's generator finds a builder's arbitrary in a Map but compares the
 * arguments of its earlier calls one by one, which `g(fc.integer, { min, max })` made quadratic.
 */
const integerBuilders = new Map<string, () => fc.Arbitrary<number>>();
function integerBuilder(min: number, max: number): () => fc.Arbitrary<number> {
  const key = `${min},${max}`;
  let builder = integerBuilders.get(key);
  if (builder === undefined) {
    builder = () => fc.integer({ min, max });
    integerBuilders.set(key, builder);
  }
  return builder;
}

/** Draws through fast-check, so that a failing report shrinks. */
export function fcDraw(g: fc.GeneratorValue): Draw {
  return { int: (min, max) => g(integerBuilder(min, max)) };
}

/** A seeded PRNG (mulberry32): the same seed gives the same report. */
export function seededDraw(seed: number): Draw {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

const pick = <T>(draw: Draw, items: readonly T[]): T => items[draw.int(0, items.length - 1)];
/** True with the given probability (percent); shrinks to false. */
const chance = (draw: Draw, percent: number): boolean => draw.int(0, 99) >= 100 - percent;

export type ReportKind = 'ente' | 'unita';
/** Modena's codes (301, 301.D1.1, D1.1.0), other chambers' (1.2.3, A1.1, OB-3, 101.A1), or labels alone. */
export type CodeScheme = 'modena' | 'dotted' | 'letters' | 'prefixed' | 'numeric-alpha' | 'none';
/** Where labels are printed: Integra's indentation, all in one column, or anywhere in the tree part. */
export type ColumnMode = 'integra' | 'flat' | 'scattered';
/** Weights and values as Integra's text, or as Excel numbers with number formats. */
export type FigureStyle = 'text' | 'number';
/** Stated achievements: text with 2 decimals, the double nearest the exact figure, or the 2-decimal double. */
export type StatedStyle = 'text' | 'double' | 'double2';
export type FaultKind = 'stated-wrong' | 'weights-sum' | 'target-unreadable' | 'value-empty';

export interface GeneratorOptions {
  readonly kinds: readonly ReportKind[];
  readonly codeSchemes: readonly CodeScheme[];
  /** The Ente row may carry the chamber's name instead of "Ente". */
  readonly rootNames: boolean;
  readonly columnModes: readonly ColumnMode[];
  /** Weights may sit in any tree column left of the code, not only the one just left of it. */
  readonly weightsElsewhere: boolean;
  /** Code and label may be split over two adjacent cells. */
  readonly splitCodes: boolean;
  /** Title and header repeated mid-table, with the open Ente / ambito / area rows as Integra repeats them. */
  readonly pageBreaks: boolean;
  readonly figureStyles: readonly FigureStyle[];
  readonly statedStyles: readonly StatedStyle[];
  /** A *Valori misure* column, with the measures the value is computed from. */
  readonly measures: boolean;
  /** Values "N/D": not measurable (the engine reports them as `valore-mancante`). */
  readonly notAvailable: boolean;
  readonly faults: readonly FaultKind[];
  /** The table may start one or two columns right of column A (the title stays in A1). */
  readonly offset: boolean;
}

/** Modena's codes, Integra's columns, every figure as text, nothing planted. */
export const PLAIN: GeneratorOptions = {
  kinds: ['ente', 'unita'],
  codeSchemes: ['modena'],
  rootNames: false,
  columnModes: ['integra'],
  weightsElsewhere: false,
  splitCodes: false,
  pageBreaks: false,
  figureStyles: ['text'],
  statedStyles: ['text'],
  measures: false,
  notAvailable: false,
  faults: [],
  offset: false,
};

export const ALL_FAULTS: readonly FaultKind[] = ['stated-wrong', 'weights-sum', 'target-unreadable', 'value-empty'];

/** Every variation. */
export const EVERYTHING: GeneratorOptions = {
  kinds: ['ente', 'unita'],
  codeSchemes: ['modena', 'dotted', 'letters', 'prefixed', 'numeric-alpha', 'none'],
  rootNames: true,
  columnModes: ['integra', 'flat', 'scattered'],
  weightsElsewhere: true,
  splitCodes: true,
  pageBreaks: true,
  figureStyles: ['text', 'number'],
  statedStyles: ['text', 'double', 'double2'],
  measures: true,
  notAvailable: true,
  faults: ALL_FAULTS,
  offset: true,
};

/** A node the reader must find: its first printed row, its level and its achievement. */
export interface ExpectedNode {
  /** 1-based sheet row. */
  readonly sheetRow: number;
  readonly level: Level;
  /** Full precision; null when not measurable. */
  readonly achievement: Dec | null;
  /** The row's code and label as printed, for messages. */
  readonly text: string;
}

export interface PlantedFault {
  readonly kind: FaultKind | 'value-nd';
  readonly code: FindingCode;
  /** A1 address where the finding must be reported. */
  readonly cell: string;
}

export interface GeneratedReport {
  readonly kind: ReportKind;
  readonly grid: Grid;
  /** In print order; rows Integra repeats at page breaks are not nodes of their own. */
  readonly nodes: readonly ExpectedNode[];
  readonly faults: readonly PlantedFault[];
  /** The variations this report uses, e.g. "codes:dotted", "page-breaks". */
  readonly features: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Figures

type Unit = 'N' | '%' | 'gg' | '€';
type Comparison = 'atLeast' | 'atMost' | 'equal';

type TargetSpec = { readonly kind: Comparison; readonly t: Dec } | { readonly kind: 'deadline'; readonly serial: number };

/**
 * The value the engine must use: a quantity (with the decimals it is printed with, which bound the
 * rounding the engine allows), a date, or none.
 */
type Actual =
  | { readonly kind: 'quantity'; readonly v: Dec; readonly unit: Unit; readonly decimals: number; readonly exact: boolean }
  | { readonly kind: 'date'; readonly serial: number }
  | { readonly kind: 'missing' };

interface Indicator {
  readonly targetText: string;
  /** null: the target text cannot be read (planted). */
  readonly target: TargetSpec | null;
  readonly actual: Actual;
  readonly valueCell: GridCell | undefined;
  readonly measures?: string;
}

interface Bounds {
  readonly lo: Dec;
  readonly hi: Dec;
}

const ZERO = new Dec(0);
const ONE = new Dec(1);
const HUNDRED = new Dec(100);
const clamp01 = (d: Dec): Dec => (d.isNegative() ? ZERO : d.greaterThan(ONE) ? ONE : d);

/** Italian digits: "." groups thousands, "," before decimals; half up. */
function italian(d: Dec, decimals: number, grouping = true): string {
  const fixed = d.toFixed(decimals, Dec.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = grouping ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : `,${frac}`}`;
}

/** "96,30%": how Integra prints weights and achievements. */
function percentText(fraction: Dec): string {
  return `${italian(fraction.times(HUNDRED), 2, false)}%`;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH) / DAY_MS);
}

function dateText(serial: number): string {
  const d = new Date(EXCEL_EPOCH + serial * DAY_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

/** Decimals of the shortest text of a double: what a number cell is read with. */
function decimalsOfNumber(n: number): number {
  const s = new Dec(n).toFixed();
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Integer steps each unit is generated in: a count, cents, hundredths of a percentage point. */
const SCALE: Readonly<Record<Unit, number>> = { N: 1, '%': 10_000, gg: 100, '€': 100 };
const SUFFIX: Readonly<Record<Unit, string>> = { N: 'N.', '%': '%', gg: 'gg', '€': '€' };
const NUMBER_FORMAT: Readonly<Record<Unit, string>> = { N: '#,##0.##', '%': '0.00%', gg: '0.00 "gg"', '€': '#,##0.00 "€"' };

/** Decimals a quantity is printed with: counts and days without when whole, euros and percentages always two. */
function printedDecimals(amount: Dec, unit: Unit, isTarget: boolean): number {
  if (unit === '%' || unit === '€') return 2;
  if (unit === 'gg' && !isTarget) return 2;
  return amount.isInteger() ? 0 : 2;
}

function quantityText(amount: Dec, unit: Unit, decimals: number): string {
  return unit === '%' ? `${italian(amount.times(HUNDRED), decimals)} %` : `${italian(amount, decimals)} ${SUFFIX[unit]}`;
}

/** SMVP §2 for one indicator, from the generated figures. */
function achievementOf(target: TargetSpec, actual: Actual): Dec | null {
  if (actual.kind === 'missing') return null;
  if (target.kind === 'deadline') return actual.kind === 'date' && actual.serial <= target.serial ? ONE : ZERO;
  if (actual.kind !== 'quantity') return null;
  return comparisonAchievement(target.kind, target.t, actual.v);
}

function comparisonAchievement(kind: Comparison, t: Dec, v: Dec): Dec {
  switch (kind) {
    case 'atLeast':
      return v.greaterThanOrEqualTo(t) ? ONE : clamp01(v.div(t));
    case 'atMost':
      return v.lessThanOrEqualTo(t) ? ONE : t.div(v);
    case 'equal':
      return v.equals(t) ? ONE : clamp01(ONE.minus(v.minus(t).abs().div(t)));
  }
}

/** The achievements a value printed with few decimals can stand for (as the engine allows for rounding). */
function indicatorBounds(ind: Indicator, point: Dec): Bounds {
  const { actual, target } = ind;
  if (target === null || target.kind === 'deadline' || actual.kind !== 'quantity' || actual.exact || actual.decimals === 0) return { lo: point, hi: point };
  const half = new Dec(10).pow(-(actual.decimals + (actual.unit === '%' ? 2 : 0))).div(2);
  const candidates = [actual.v.minus(half), actual.v.plus(half)];
  if (target.kind === 'equal' && candidates[0].lessThanOrEqualTo(target.t) && target.t.lessThanOrEqualTo(candidates[1])) candidates.push(target.t);
  let lo = point;
  let hi = point;
  for (const c of candidates) {
    const a = comparisonAchievement(target.kind, target.t, c);
    lo = Dec.min(lo, a);
    hi = Dec.max(hi, a);
  }
  return { lo, hi };
}

// ---------------------------------------------------------------------------------------------
// The tree

interface GNode {
  readonly level: Level;
  readonly code: string;
  readonly label: string;
  readonly children: GNode[];
  /** Basis points (10000 = 100%); 0 for a root, which has no weight. */
  weightBp: number;
  indicator?: Indicator;
  achievement: Dec | null;
  bounds: Bounds | null;
  stated?: GridCell;
  line?: Line;
  sheetRow?: number;
}

const node = (level: Level, code: string, label: string): GNode => ({ level, code, label, children: [], weightBp: 0, achievement: null, bounds: null });

const LETTER = (n: number) => String.fromCharCode(64 + n);

const AMBITO_LABELS = ['Competitività delle imprese', 'Competitività del territorio', "Competitività dell'Ente", 'Sostenibilità e transizioni'];
const OS_LABELS = [
  'Internazionalizzazione',
  'Transizione digitale ed ecologica',
  'Orientamento al lavoro',
  'Tutela della legalità',
  'Marketing territoriale',
  'Semplificazione procedure a carico delle imprese',
  'Efficienza e qualità dei servizi',
  'Trasparenza e anticorruzione',
];
const OO_LABELS = [
  'Incentivare il processo di internazionalizzazione delle imprese',
  'Efficientare i servizi certificativi per il commercio con l\u2019estero',
  'Favorire la transizione digitale e tecnologica',
  'Sostenere lo sviluppo delle imprese',
  'Diffondere la conoscenza del territorio',
  'Migliorare la qualità delle informazioni del Registro delle Imprese',
];
const INDICATOR_LABELS = [
  'N. imprese beneficiarie dei voucher erogati',
  'Tempo medio di lavorazione delle pratiche telematiche',
  'Grado di adesione al cassetto digitale',
  'Realizzazione evento sulla legalità',
  'Partecipanti alle iniziative di sostenibilità ambientale',
  'Controlli a campione sulle dichiarazioni sostitutive',
  'Rispetto degli obblighi di pubblicazione',
  'Grado di rispetto dello standard di pagamento delle fatture',
  'Iniziative di promozione dei prodotti di eccellenza',
];
const AREA_LABELS = ['Area Dirigenziale 1', 'Area Dirigenziale 2', 'Staff SG'];
const AO_LABELS = ['Segreteria Direzionale e Affari generali', 'Risorse Finanziarie, Umane e Patrimoniali', 'Sviluppo Imprese', 'Tutela del mercato', 'Registro delle Imprese', 'Controllo di gestione'];
const CHAMBER_NAMES = ['Camera di commercio di Modena', 'CCIAA di Ferrara e Ravenna', "Camera di commercio dell'Emilia"];

/** Distinct labels for siblings: consecutive entries of the pool from a drawn start. */
function labels(draw: Draw, pool: readonly string[], count: number): string[] {
  const start = draw.int(0, pool.length - 1);
  return Array.from({ length: count }, (_v, i) => pool[(start + i) % pool.length] + (i >= pool.length ? ` ${i + 1}` : ''));
}

interface EnteCodes {
  ambito(a: number): string;
  os(a: number, o: number): string;
  oo(a: number, o: number, k: number): string;
  osIndicator(a: number, o: number, i: number): string;
  ooIndicator(a: number, o: number, k: number, i: number): string;
}

interface UnitCodes {
  ao(n: number): string;
  obiettivo(n: number, o: number): string;
  indicator(n: number, o: number, i: number): string;
}

function enteCodes(scheme: CodeScheme): EnteCodes {
  let seq = 0;
  const next = () => (seq += 1);
  switch (scheme) {
    case 'modena':
      return {
        ambito: (a) => `${a}`,
        os: (a, o) => `${a}0${o}`,
        oo: (a, o, k) => `${a}0${o}.D${o}.${k}`,
        osIndicator: (a, o, i) => `${a}0${o}.S${i}`,
        ooIndicator: (a, o, k, i) => (next() % 2 === 0 ? `D${o}.${k}.${i}` : `${a}${o}.D${o}.${k}_${i}`),
      };
    case 'dotted':
      return {
        ambito: (a) => `${a}`,
        os: (a, o) => `${a}.${o}`,
        oo: (a, o, k) => `${a}.${o}.${k}`,
        osIndicator: (a, o, i) => `${a}.${o}.${i}`,
        ooIndicator: (a, o, k, i) => `${a}.${o}.${k}.${i}`,
      };
    case 'letters':
      return {
        ambito: (a) => LETTER(a),
        os: (a, o) => `${LETTER(a)}${o}`,
        oo: (a, o, k) => `${LETTER(a)}${o}.${k}`,
        osIndicator: (a, o, i) => `${LETTER(a)}${o}.S${i}`,
        ooIndicator: (a, o, k, i) => `${LETTER(a)}${o}.${k}.${i}`,
      };
    case 'prefixed':
      return {
        ambito: (a) => `AMB-${a}`,
        os: (a, o) => `OS-${a}${o}`,
        oo: () => `OB-${next()}`,
        osIndicator: () => `IND-${next()}`,
        ooIndicator: () => `IND-${next()}`,
      };
    case 'numeric-alpha':
      return {
        ambito: (a) => `${a}`,
        os: (a, o) => `${a}0${o}`,
        oo: (a, o, k) => `${a}0${o}.${LETTER(k)}${o}`,
        osIndicator: (a, o, i) => `${a}0${o}.S${i}`,
        ooIndicator: (_a, o, k, i) => `${LETTER(k)}${o}.${i}`,
      };
    case 'none':
      return { ambito: () => '', os: () => '', oo: () => '', osIndicator: () => '', ooIndicator: () => '' };
  }
}

function unitCodes(scheme: CodeScheme): UnitCodes {
  let seq = 0;
  const next = () => (seq += 1);
  switch (scheme) {
    case 'modena':
      return { ao: (n) => `AO${n}`, obiettivo: (n, o) => `${n}0${o}.D${o}.${n}`, indicator: (n, o, i) => `D${o}.${n}.${i}` };
    case 'dotted':
      return { ao: (n) => `${n}`, obiettivo: (n, o) => `${n}.${o}`, indicator: (n, o, i) => `${n}.${o}.${i}` };
    case 'letters':
      return { ao: (n) => LETTER(n), obiettivo: (n, o) => `${LETTER(n)}${o}`, indicator: (n, o, i) => `${LETTER(n)}${o}.${i}` };
    case 'prefixed':
      return { ao: (n) => `UO-${n}`, obiettivo: () => `OB-${next()}`, indicator: () => `IND-${next()}` };
    case 'numeric-alpha':
      return { ao: (n) => `S${n}`, obiettivo: (n, o) => `${n}0${o}.${LETTER(o)}1`, indicator: (_n, o, i) => `${LETTER(o)}1.${i}` };
    case 'none':
      return { ao: () => '', obiettivo: () => '', indicator: () => '' };
  }
}

function enteTree(draw: Draw, scheme: CodeScheme, rootText: string): GNode {
  const codes = enteCodes(scheme);
  const root = node('ente', rootText, '');
  const ambitoLabels = labels(draw, AMBITO_LABELS, draw.int(1, 4));
  ambitoLabels.forEach((ambitoLabel, ai) => {
    const a = ai + 1;
    const ambito = node('ambito', codes.ambito(a), ambitoLabel);
    root.children.push(ambito);
    labels(draw, OS_LABELS, draw.int(1, 4)).forEach((osLabel, oi) => {
      const o = oi + 1;
      const os = node('os', codes.os(a, o), osLabel);
      ambito.children.push(os);
      const blocks = pick(draw, [['Indicatori'], ['Obiettivi operativi'], ['Indicatori', 'Obiettivi operativi']] as const);
      for (const name of blocks) {
        const block = node('blocco', name, '');
        os.children.push(block);
        if (name === 'Indicatori') {
          labels(draw, INDICATOR_LABELS, draw.int(1, 4)).forEach((l, i) => block.children.push(node('indicatore', codes.osIndicator(a, o, i + 1), l)));
        } else {
          labels(draw, OO_LABELS, draw.int(1, 4)).forEach((ooLabel, ki) => {
            const oo = node('oo', codes.oo(a, o, ki + 1), ooLabel);
            block.children.push(oo);
            labels(draw, INDICATOR_LABELS, draw.int(1, 4)).forEach((l, i) => oo.children.push(node('indicatore', codes.ooIndicator(a, o, ki + 1, i + 1), l)));
          });
        }
      }
    });
  });
  return root;
}

function unitTrees(draw: Draw, scheme: CodeScheme): GNode[] {
  const codes = unitCodes(scheme);
  let aoNumber = 0;
  return labels(draw, AREA_LABELS, draw.int(1, 2)).map((areaLabel) => {
    const area = node('area', areaLabel, '');
    labels(draw, AO_LABELS, draw.int(1, 4)).forEach((aoLabel) => {
      aoNumber += 1;
      const n = aoNumber;
      const ao = node('ao', codes.ao(n), aoLabel);
      area.children.push(ao);
      labels(draw, OO_LABELS, draw.int(1, 4)).forEach((oLabel, oi) => {
        const obiettivo = node('obiettivo', codes.obiettivo(n, oi + 1), oLabel);
        ao.children.push(obiettivo);
        labels(draw, INDICATOR_LABELS, draw.int(1, 4)).forEach((l, i) => obiettivo.children.push(node('indicatore', codes.indicator(n, oi + 1, i + 1), l)));
      });
    });
    return area;
  });
}

function preOrder(roots: readonly GNode[]): GNode[] {
  const out: GNode[] = [];
  const visit = (n: GNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/** Sibling weights in basis points summing to 100%: equal shares (33,33 / 33,33 / 33,34), multiples of 5%, or any. */
function weights(draw: Draw, n: number): number[] {
  if (n === 1) return [10_000];
  const style = draw.int(0, 2);
  if (style === 0) {
    const share = Math.floor(10_000 / n);
    return Array.from({ length: n }, (_v, i) => (i === n - 1 ? 10_000 - share * (n - 1) : share));
  }
  const [unit, total] = style === 1 ? [500, 20] : [1, 10_000];
  const minimum = style === 1 ? 1 : 100;
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < n - 1; i += 1) {
    const w = draw.int(minimum, left - minimum * (n - 1 - i));
    out.push(w * unit);
    left -= w;
  }
  out.push(left * unit);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Indicators

interface Style {
  readonly figures: FigureStyle | 'mixed';
  readonly stated: StatedStyle | 'mixed';
  readonly measures: boolean;
  readonly notAvailable: boolean;
}

function figureStyle(draw: Draw, style: Style): FigureStyle {
  return style.figures === 'mixed' ? pick(draw, ['text', 'number'] as const) : style.figures;
}

const UNREADABLE_TARGETS = ['>> 5 N.', 'abc', '=> 10 N.', '<> 3 N.', '> = 4 gg', 'circa 5 N.'];

/** A target in steps of its unit, and a value met or missed. */
function comparisonFigures(draw: Draw, kind: Comparison, unit: Unit): { t: number; v: number } {
  const magnitude: Readonly<Record<Unit, readonly [number, number]>> = {
    N: pick(draw, [[1, 20], [20, 1_000], [1_000, 100_000]] as const),
    '%': [100, 25_000],
    gg: [50, 6_000],
    '€': [100_000, 2_000_000_000],
  };
  const [lo, hi] = magnitude[unit];
  const t = draw.int(lo, hi);
  const met = chance(draw, 55);
  switch (kind) {
    case 'atLeast':
      return { t, v: met ? t + draw.int(0, t) : draw.int(0, t - 1) };
    case 'atMost':
      return { t, v: met ? draw.int(1, t) : draw.int(t + 1, 3 * t) };
    case 'equal': {
      if (met) return { t, v: t };
      const v = draw.int(0, Math.floor(2.5 * t));
      return { t, v: v === t ? t + 1 : v };
    }
  }
}

function valueCell(draw: Draw, style: Style, amount: Dec, unit: Unit, decimals: number): { cell: GridCell; decimals: number } {
  if (figureStyle(draw, style) === 'text') return { cell: { value: quantityText(amount, unit, decimals) }, decimals };
  const n = Number(amount.toString());
  const numberFormat = unit === 'N' && amount.isInteger() ? pick(draw, ['#,##0.##', '#,##0', '0']) : NUMBER_FORMAT[unit];
  // Read with the decimals it stores or, when more, those its format shows ("0.00%" shows two).
  const stored = Math.max(0, decimalsOfNumber(n) - (unit === '%' ? 2 : 0));
  return { cell: { value: n, numberFormat }, decimals: Math.max(stored, numberFormat.includes('.00') ? 2 : 0) };
}

/** Parts summing to `total` steps of 1/`scale`, as "447 N. + 580 N." (sums are exact in every unit). */
function sumMeasures(draw: Draw, total: number, unit: Exclude<Unit, '%'>, scale: number): string {
  const parts: number[] = [];
  let left = total;
  const count = draw.int(1, 4);
  for (let i = 0; i < count - 1; i += 1) {
    const p = draw.int(0, left);
    parts.push(p);
    left -= p;
  }
  parts.push(left);
  return parts.map((p) => quantityText(new Dec(p).div(scale), unit, scale === 1 ? 0 : 2)).join(' + ');
}

function makeIndicator(draw: Draw, style: Style): { indicator: Indicator; notAvailable: boolean } {
  const kind = pick(draw, ['atLeast', 'atLeast', 'deadline', 'atMost', 'equal'] as const);
  const notAvailable = style.notAvailable && chance(draw, 12);
  const withMeasures = style.measures && !notAvailable && chance(draw, 50);
  const missing = (): Actual => ({ kind: 'missing' });
  const ndCell = (): GridCell => ({ value: pick(draw, ['N/D', 'N.D.', 'n.d.']) });
  if (kind === 'deadline') {
    const deadline = serialOf(2024, 1, 1) + draw.int(0, 365);
    const target: TargetSpec = { kind: 'deadline', serial: deadline };
    const targetText = `Entro ${dateText(deadline)}`;
    if (notAvailable) return { indicator: { targetText, target, actual: missing(), valueCell: ndCell() }, notAvailable };
    const serial = deadline + draw.int(-120, 40);
    const cell: GridCell =
      figureStyle(draw, style) === 'text' ? { value: dateText(serial) } : { value: serial, numberFormat: pick(draw, ['dd-mm-yyyy', 'dd/mm/yyyy']) };
    const measures = withMeasures ? { measures: dateText(serial) } : {};
    return { indicator: { targetText, target, actual: { kind: 'date', serial }, valueCell: cell, ...measures }, notAvailable };
  }
  const units: Readonly<Record<Comparison, readonly Unit[]>> = { atLeast: ['N', '%', '€'], atMost: ['gg', 'N', '%'], equal: ['N', '%'] };
  const unit = pick(draw, units[kind]);
  const figures = comparisonFigures(draw, kind, unit);
  // Counts are mostly whole; some are rates printed with two decimals ("13,12 N.").
  const cents = unit === 'N' && chance(draw, 20);
  const scale = cents ? 100 : SCALE[unit];
  const t = cents ? figures.t * 100 : figures.t;
  const v = cents ? figures.v * 100 + draw.int(0, 99) : figures.v;
  const tAmount = new Dec(t).div(scale);
  const operator = kind === 'atLeast' ? '>= ' : kind === 'atMost' ? '<= ' : unit === '%' && chance(draw, 40) ? '' : '= ';
  const targetText = `${operator}${quantityText(tAmount, unit, printedDecimals(tAmount, unit, true))}`;
  const target: TargetSpec = { kind, t: tAmount };
  if (notAvailable) return { indicator: { targetText, target, actual: missing(), valueCell: ndCell() }, notAvailable };
  if (withMeasures && unit === '%') {
    // A rate from its measures: the exact quotient counts, the value shows it rounded.
    const b = draw.int(1, 70_000);
    const a = Math.max(1, Math.round((v / scale) * b));
    const exact = new Dec(a).div(b);
    const rounded = exact.toDecimalPlaces(4, Dec.ROUND_HALF_UP);
    const cell: GridCell =
      figureStyle(draw, style) === 'text'
        ? { value: quantityText(rounded, '%', 2) }
        : { value: Number((chance(draw, 50) ? exact : rounded).toString()), numberFormat: '0.00%' };
    const measures = `${italian(new Dec(a), 0)} N. / ${italian(new Dec(b), 0)} N.`;
    return { indicator: { targetText, target, actual: { kind: 'quantity', v: exact, unit, decimals: 2, exact: true }, valueCell: cell, measures }, notAvailable };
  }
  const vAmount = new Dec(v).div(scale);
  const printed = valueCell(draw, style, vAmount, unit, printedDecimals(vAmount, unit, false));
  const measures = withMeasures && unit !== '%' ? { measures: sumMeasures(draw, v, unit, scale) } : {};
  const actual: Actual = { kind: 'quantity', v: vAmount, unit, decimals: printed.decimals, exact: withMeasures };
  return { indicator: { targetText, target, actual, valueCell: printed.cell, ...measures }, notAvailable };
}

// ---------------------------------------------------------------------------------------------
// Recomputation (independent of the engine's reader)

function recompute(n: GNode): void {
  if (n.indicator !== undefined) {
    const { target, actual } = n.indicator;
    n.achievement = target === null ? null : achievementOf(target, actual);
    n.bounds = n.achievement === null ? null : indicatorBounds(n.indicator, n.achievement);
    return;
  }
  n.children.forEach(recompute);
  const mean = (of: (c: GNode) => Dec | null): Dec | null => {
    let weighted = ZERO;
    let counted = ZERO;
    let any = false;
    for (const c of n.children) {
      const p = of(c);
      if (p === null) continue;
      const w = new Dec(c.weightBp).div(10_000);
      weighted = weighted.plus(w.times(p));
      counted = counted.plus(w);
      any = true;
    }
    return any ? weighted.div(counted) : null;
  };
  n.achievement = mean((c) => c.achievement);
  const lo = mean((c) => c.bounds?.lo ?? null);
  const hi = mean((c) => c.bounds?.hi ?? null);
  n.bounds = n.achievement === null || lo === null || hi === null ? null : { lo, hi };
}

function statedCell(draw: Draw, style: Style, achievement: Dec | null): GridCell {
  if (achievement === null) return { value: 'N/D' };
  const s = style.stated === 'mixed' ? pick(draw, ['text', 'double', 'double2'] as const) : style.stated;
  switch (s) {
    case 'text':
      return { value: percentText(achievement) };
    case 'double':
      return { value: Number(achievement.toString()), numberFormat: '0.00%' };
    case 'double2':
      return { value: Number(achievement.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString()), numberFormat: '0.00%' };
  }
}

/** A stated figure two points outside what rounding allows, or undefined when there is no room. */
function wrongStated(draw: Draw, style: Style, bounds: Bounds): GridCell | undefined {
  const margin = new Dec('0.02');
  const below = bounds.lo.minus(margin).times(10_000).floor().div(10_000);
  const above = bounds.hi.plus(margin).times(10_000).ceil().div(10_000);
  const options = [...(below.isNegative() ? [] : [below]), ...(above.greaterThan(ONE) ? [] : [above])];
  if (options.length === 0) return undefined;
  const s = pick(draw, options);
  return figureStyle(draw, style) === 'text' ? { value: percentText(s) } : { value: Number(s.toString()), numberFormat: '0.00%' };
}

// ---------------------------------------------------------------------------------------------
// Printing

interface Columns {
  readonly lastTree: number;
  readonly target: number;
  readonly value: number;
  readonly stated: number;
  readonly measures: number;
  readonly header: readonly string[];
  readonly title: string;
}

const ENTE_COLUMNS: Columns = {
  lastTree: 4,
  target: 5,
  value: 6,
  stated: 7,
  measures: 9,
  header: ['Ente', 'Ambito', 'Obiettivo strategico', 'Obiettivi Operativi / Indicatori OS', 'Indicatori', 'Target', 'Valore', 'Raggiungimento', 'Valutazione'],
  title: 'Integra_Report_Performance organizzativa Ente_Modena_dicembre_2024',
};

const UNIT_COLUMNS: Columns = {
  lastTree: 3,
  target: 4,
  value: 5,
  stated: 6,
  measures: 8,
  header: ['Area', 'Settore', 'Obiettivo', 'Indicatore', 'Target', 'Valore', 'Raggiungimento', 'Valutazione'],
  title: 'Integra_Report_Performance unità organizzativa_Modena_dicembre_2024',
};

/** Label columns as Integra indents them. */
const INTEGRA_COLUMN: Partial<Record<Level, number>> = { ambito: 1, os: 2, blocco: 3, oo: 4, ao: 1, obiettivo: 1 };

interface Line {
  /** Cells by table column (before the offset). */
  readonly cells: ReadonlyMap<number, GridCell>;
  readonly weightCol?: number;
}

interface Layout {
  readonly columns: Columns;
  readonly mode: ColumnMode;
  readonly weightsElsewhere: boolean;
  readonly split: boolean;
}

function weightCell(draw: Draw, style: Style, bp: number): GridCell {
  const w = new Dec(bp).div(10_000);
  return figureStyle(draw, style) === 'text' ? { value: percentText(w) } : { value: Number(w.toString()), numberFormat: '0.00%' };
}

function lineOf(draw: Draw, n: GNode, layout: Layout, style: Style, kind: ReportKind): Line {
  const { columns } = layout;
  const cells = new Map<number, GridCell>();
  let weightCol: number | undefined;
  if (n.level === 'ente' || n.level === 'area') {
    cells.set(0, { value: n.code });
  } else {
    const integra = n.level === 'indicatore' ? (kind === 'ente' ? 4 : 2) : (INTEGRA_COLUMN[n.level] ?? 1);
    const labelCol = layout.mode === 'integra' ? integra : layout.mode === 'flat' ? 1 : draw.int(1, columns.lastTree);
    const split = layout.split && n.code !== '' && n.level !== 'blocco' && chance(draw, 40);
    const codeCol = split ? Math.min(labelCol, columns.lastTree - 1) : labelCol;
    if (split) {
      cells.set(codeCol, { value: n.code });
      cells.set(codeCol + 1, { value: n.label });
    } else {
      cells.set(codeCol, { value: n.code === '' ? n.label : n.label === '' ? n.code : `${n.code} - ${n.label}` });
    }
    weightCol = layout.weightsElsewhere && chance(draw, 30) ? draw.int(0, codeCol - 1) : codeCol - 1;
    cells.set(weightCol, weightCell(draw, style, n.weightBp));
  }
  if (n.indicator !== undefined) {
    cells.set(columns.target, { value: n.indicator.targetText });
    if (n.indicator.valueCell !== undefined) cells.set(columns.value, n.indicator.valueCell);
    if (n.indicator.measures !== undefined) cells.set(columns.measures, { value: n.indicator.measures });
  }
  if (n.stated !== undefined) cells.set(columns.stated, n.stated);
  return { cells, ...(weightCol === undefined ? {} : { weightCol }) };
}

function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const textOfNode = (n: GNode): string => (n.label === '' ? n.code : n.code === '' ? n.label : `${n.code} - ${n.label}`);

// ---------------------------------------------------------------------------------------------
// The report

/** One report: its grid, expected nodes and planted faults. */
export function generateReport(draw: Draw, options: GeneratorOptions = EVERYTHING): GeneratedReport {
  const kind = pick(draw, options.kinds);
  const scheme = pick(draw, options.codeSchemes);
  const features: string[] = [kind, `codes:${scheme}`];
  const feature = (on: boolean, name: string): boolean => {
    if (on) features.push(name);
    return on;
  };
  const rootName = feature(kind === 'ente' && options.rootNames && chance(draw, 50), 'root-named');
  const mode = pick(draw, options.columnModes);
  features.push(`columns:${mode}`);
  const variants = <T extends string>(allowed: readonly T[]): T | 'mixed' => (allowed.length > 1 && chance(draw, 30) ? 'mixed' : pick(draw, allowed));
  const style: Style = {
    figures: variants(options.figureStyles),
    stated: variants(options.statedStyles),
    measures: options.measures && chance(draw, 60),
    notAvailable: options.notAvailable && chance(draw, 60),
  };
  features.push(`figures:${style.figures}`, `stated:${style.stated}`);
  feature(style.measures, 'measures');
  feature(style.notAvailable, 'n/d');
  const layout: Layout = {
    columns: kind === 'ente' ? ENTE_COLUMNS : UNIT_COLUMNS,
    mode,
    weightsElsewhere: feature(options.weightsElsewhere && chance(draw, 60), 'weights-elsewhere'),
    split: feature(options.splitCodes && scheme !== 'none' && chance(draw, 60), 'split-codes'),
  };
  const pageBreaks = feature(options.pageBreaks && chance(draw, 70), 'page-breaks');
  const offset = feature(options.offset && chance(draw, 50), 'offset') ? draw.int(1, 2) : 0;

  const roots = kind === 'ente' ? [enteTree(draw, scheme, rootName ? pick(draw, CHAMBER_NAMES) : 'Ente')] : unitTrees(draw, scheme);
  const all = preOrder(roots);
  const faults: Array<{ kind: PlantedFault['kind']; node: GNode }> = [];

  for (const parent of all) {
    if (parent.children.length === 0) continue;
    weights(draw, parent.children.length).forEach((w, i) => (parent.children[i].weightBp = w));
  }
  for (const n of all) {
    if (n.level !== 'indicatore') continue;
    const made = makeIndicator(draw, style);
    n.indicator = made.indicator;
    if (made.notAvailable) faults.push({ kind: 'value-nd', node: n });
  }

  const planting = options.faults.length > 0 && chance(draw, 60) ? draw.int(1, 3) : 0;
  // Wrong stated figures are planted once the figures are known.
  let wrongStatedCount = 0;
  for (let f = 0; f < planting; f += 1) {
    const faultKind = pick(draw, options.faults);
    const taken = (n: GNode) => faults.some((x) => x.node === n);
    if (faultKind === 'stated-wrong') {
      wrongStatedCount += 1;
    } else if (faultKind === 'weights-sum') {
      const parents = all.filter((n) => n.children.length > 0 && !faults.some((x) => x.kind === 'weights-sum' && x.node === n));
      if (parents.length === 0) continue;
      const parent = pick(draw, parents);
      const child = pick(draw, parent.children);
      const delta = draw.int(100, 5_000);
      child.weightBp = child.weightBp - delta >= 100 && chance(draw, 50) ? child.weightBp - delta : child.weightBp + delta;
      faults.push({ kind: 'weights-sum', node: parent });
    } else {
      const indicators = all.filter((n) => n.indicator !== undefined && !taken(n));
      if (indicators.length === 0) continue;
      const n = pick(draw, indicators);
      const ind = n.indicator as Indicator;
      n.indicator =
        faultKind === 'target-unreadable'
          ? { ...ind, targetText: pick(draw, UNREADABLE_TARGETS), target: null }
          : { targetText: ind.targetText, target: ind.target, actual: { kind: 'missing' }, valueCell: undefined };
      faults.push({ kind: faultKind, node: n });
    }
  }
  if (faults.length > 0) features.push(...new Set(faults.map((f) => `fault:${f.kind}`)));

  roots.forEach(recompute);
  for (const n of all) n.stated = statedCell(draw, style, n.achievement);
  for (let i = 0; i < wrongStatedCount; i += 1) {
    const candidates = all.filter((n) => n.bounds !== null && !faults.some((x) => x.kind === 'stated-wrong' && x.node === n));
    if (candidates.length === 0) break;
    const n = pick(draw, candidates);
    const wrong = wrongStated(draw, style, n.bounds as Bounds);
    if (wrong === undefined) continue;
    n.stated = wrong;
    faults.push({ kind: 'stated-wrong', node: n });
    if (!features.includes('fault:stated-wrong')) features.push('fault:stated-wrong');
  }

  for (const n of all) n.line = lineOf(draw, n, layout, style, kind);

  // Print order, with page breaks: blank, title, blank, header, then the open rows Integra repeats.
  const { columns } = layout;
  const header = [...columns.header, ...(style.measures ? ['Valori misure'] : [])];
  const rows: Array<Array<GridCell | undefined>> = [];
  const shifted = (cells: ReadonlyMap<number, GridCell>): Array<GridCell | undefined> => {
    const row: Array<GridCell | undefined> = [];
    for (const [col, cell] of cells) row[col + offset] = cell;
    return Array.from(row);
  };
  const pageTop = () => {
    rows.push([{ value: columns.title }], [], shifted(new Map(header.map((h, i) => [i, { value: h }]))));
  };
  pageTop();
  const parentOf = new Map<GNode, GNode>();
  for (const p of all) for (const c of p.children) parentOf.set(c, p);
  const rootOf = (n: GNode): GNode => {
    let r = n;
    while (parentOf.has(r)) r = parentOf.get(r) as GNode;
    return r;
  };
  let breaks = 0;
  all.forEach((n, i) => {
    if (pageBreaks && i > 0) {
      let repeat: GNode[] | undefined;
      if ((n.level === 'os' || n.level === 'ao') && chance(draw, 25)) {
        const parent = parentOf.get(n) as GNode;
        repeat = n.level === 'os' ? [rootOf(n), parent] : [parent];
      } else if (n.level === 'ambito' && chance(draw, 25)) {
        repeat = [rootOf(n)];
      } else if (chance(draw, 6)) {
        repeat = [];
      }
      if (repeat !== undefined) {
        breaks += 1;
        // The row just printed is repeated on the new page: it was the last of its page.
        if (repeat.includes(all[i - 1]) && !features.includes('repeat-last-row')) features.push('repeat-last-row');
        rows.push([]);
        pageTop();
        for (const r of repeat) rows.push(shifted((r.line as Line).cells));
      }
    }
    rows.push(shifted((n.line as Line).cells));
    n.sheetRow = rows.length;
  });
  if (pageBreaks && breaks === 0) features.splice(features.indexOf('page-breaks'), 1);

  const at = (col: number, n: GNode) => `${columnLetters(col + offset)}${n.sheetRow as number}`;
  const planted: PlantedFault[] = faults.map(({ kind: k, node: n }) => {
    switch (k) {
      case 'stated-wrong':
        return { kind: k, code: 'raggiungimento-diverso', cell: at(columns.stated, n) };
      case 'weights-sum': {
        const first = n.children[0];
        return { kind: k, code: 'somma-pesi', cell: at((first.line as Line).weightCol as number, first) };
      }
      case 'target-unreadable':
        return { kind: k, code: 'target-illeggibile', cell: at(columns.target, n) };
      case 'value-empty':
      case 'value-nd':
        return { kind: k, code: 'valore-mancante', cell: at(columns.value, n) };
    }
  });

  return {
    kind,
    grid: { name: kind === 'ente' ? 'Ente' : 'Unità organizzative', rows },
    nodes: all.map((n) => ({ sheetRow: n.sheetRow as number, level: n.level, achievement: n.achievement, text: textOfNode(n) })),
    faults: planted,
    features,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks

const TOLERANCE = new Dec('1e-15');

/** Whether two figures (fractions) agree within 1e-15, null meaning "not computable". */
export function sameFigure(got: string | Dec | null, expected: Dec | null): boolean {
  if (got === null || expected === null) return got === expected;
  return new Dec(got).minus(expected).abs().lessThanOrEqualTo(TOLERANCE);
}

const show = (d: Dec | string | null): string => (d === null ? 'null' : new Dec(d).toSignificantDigits(20).toString());

/**
 * What the engine's report of a generated sheet gets wrong: levels, figures, findings. Empty when
 * everything is as generated. Each problem says the row or the cell and what was expected.
 */
export function checkReport(generated: GeneratedReport, report: SheetReport): string[] {
  const problems: string[] = [];
  if (report.layout !== generated.kind) return [`layout ${String(report.layout)}, expected ${generated.kind}`];
  const expectedRows = new Map(generated.nodes.map((n) => [n.sheetRow, n]));
  const seen = new Set<number>();
  for (const n of report.nodes) {
    const e = n.row === null ? undefined : expectedRows.get(n.row);
    if (e === undefined) {
      problems.push(`row ${String(n.row)}: unexpected node (${n.level} «${n.code}»)`);
      continue;
    }
    seen.add(e.sheetRow);
    if (n.level !== e.level) problems.push(`row ${e.sheetRow} «${e.text}»: level ${n.level}, expected ${e.level}`);
    if (!sameFigure(n.computed, e.achievement)) problems.push(`row ${e.sheetRow} «${e.text}» (${e.level}): computed ${show(n.computed)}, expected ${show(e.achievement)}`);
  }
  for (const e of generated.nodes) if (!seen.has(e.sheetRow)) problems.push(`row ${e.sheetRow} «${e.text}»: no node (expected ${e.level})`);
  const planted = (code: string, cell: string) => generated.faults.some((f) => f.code === code && f.cell === cell);
  for (const f of report.findings) {
    if (f.severity === 'errore' && !planted(f.code, f.cell)) problems.push(`${f.cell}: unexpected errore ${f.code} — ${f.message}`);
  }
  for (const f of generated.faults) {
    if (!report.findings.some((x) => x.code === f.code && x.cell === f.cell)) problems.push(`${f.cell}: missing ${f.code} (planted ${f.kind})`);
  }
  return problems;
}

function cellText(cell: GridCell | undefined): string {
  if (cell === undefined || cell.value === null || cell.value === undefined) return '';
  const v = typeof cell.value === 'string' ? JSON.stringify(cell.value) : String(cell.value);
  return cell.numberFormat === undefined ? v : `${v} [${cell.numberFormat}]`;
}

/** The grid as text, one sheet row a line with A1 column letters: a reproduction to paste in a test. */
export function describeGrid(grid: Grid): string {
  return grid.rows
    .map((row, r) => {
      const cells = row.flatMap((cell, c) => (cellText(cell) === '' ? [] : [`${columnLetters(c)}=${cellText(cell)}`]));
      return cells.length === 0 ? '' : `${r + 1}: ${cells.join('  ')}`;
    })
    .filter((line) => line !== '')
    .join('\n');
}

/** The generated expectations as text: row, level, figure; then the planted faults. */
export function describeExpected(generated: GeneratedReport): string {
  const nodes = generated.nodes.map((n) => `${n.sheetRow}: ${n.level} ${show(n.achievement)}`);
  const faults = generated.faults.map((f) => `${f.cell}: ${f.code} (${f.kind})`);
  return [`[${generated.features.join(', ')}]`, ...nodes, ...(faults.length === 0 ? [] : ['planted:', ...faults])].join('\n');
}
