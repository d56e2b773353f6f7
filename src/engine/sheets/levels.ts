import { LEVEL_RANK, type Level } from '../trees';

/**
 * What a report row shows, before its level is known:
 * - `root`: no weight and no target or value (the Ente row, an Area of the unit report);
 * - `block`: Integra's block header under an objective, *Indicatori* or *Obiettivi operativi*;
 * - `node`: a weight but no target, value or measures (an ambito, an objective);
 * - `leaf`: a target, a value or measures (an indicator).
 */
export type RowShape = 'root' | 'block' | 'node' | 'leaf';

export interface ShapedRow {
  readonly shape: RowShape;
  /** Code and label as printed, normalised: a row repeated at a page break has the same key. */
  readonly key: string;
  /** For a block: its name, normalised ("indicatori", "obiettivi operativi"). */
  readonly block?: string;
  /** The first row after a header repeated at a page break. */
  readonly afterBreak?: true;
}

export interface LevelReading {
  readonly levels: Level[];
  /** Rows whose level the structure does not decide: read as one below the open parent. */
  readonly uncertain: ReadonlySet<number>;
}

export type TreeKind = 'ente' | 'albero' | 'unita';

const OPERATIONAL_BLOCK = 'obiettivi operativi';

interface State {
  /** Key of the open row at each rank, to recognise a row repeated at a page break. */
  readonly open: Array<string | undefined>;
  block?: string;
  /** An operational objective is open in the current block. */
  objectiveOpen: boolean;
  /**
   * The rank from which the next row may repeat an open one, or undefined. Integra repeats the open
   * path from the top (the Ente, then the ambito, …) after a page break or before a new group: a
   * repeat follows the root or another repeat, never an ordinary row.
   */
  repeatFrom?: number;
}

/** How many following objective rows may be looked at to place one: Integra nests at most ambito → OS. */
const LOOKAHEAD = 3;

/**
 * The row after `i` that says something about it. A page break repeats the open path from the top
 * (the Ente, then the ambito, …) and the rows being placed (`pending`: row `i` and those it is
 * placed from) when they were the last of their page: those rows are skipped. A row repeating an
 * open row out of that order is not a repeat: two objectives may share a label under different parents.
 */
function following(rows: readonly ShapedRow[], i: number, state: State, pending: readonly string[]): number {
  let j = i + 1;
  let depth = 0;
  // Repeats start at a page break or with the root repeated; right after row i its label is a child's.
  let repeating = false;
  while (j < rows.length && (rows[j].shape === 'root' || rows[j].shape === 'node')) {
    const row = rows[j];
    repeating ||= row.afterBreak === true;
    while (depth < state.open.length && state.open[depth] === undefined) depth += 1;
    if (row.key === state.open[depth] && (repeating || depth === 0)) {
      depth += 1;
      repeating = true;
    } else if (!(repeating && pending.includes(row.key))) break;
    j += 1;
  }
  return j;
}

/**
 * The level of an objective row (a `node`) from the rows after it, for the Ente report and the
 * planning tree: before a block header it is an OS; before indicators it is an operational objective
 * in an *Obiettivi operativi* block, an indicator printed without figures in an *Indicatori* block;
 * before an OS it is an ambito. undefined when the rows after it do not say.
 */
function enteNodeLevel(rows: readonly ShapedRow[], i: number, state: State, pending: readonly string[] = [rows[i].key]): Level | undefined {
  const j = following(rows, i, state, pending);
  const next = rows[j];
  if (next === undefined || next.shape === 'root') return state.block === undefined ? undefined : 'indicatore';
  if (next.shape === 'block') return 'os';
  if (next.shape === 'leaf') {
    if (state.block === OPERATIONAL_BLOCK) return 'oo';
    return state.block === undefined ? 'os' : 'indicatore';
  }
  if (pending.length > LOOKAHEAD) return undefined;
  switch (enteNodeLevel(rows, j, state, [...pending, next.key])) {
    case 'os':
      return 'ambito';
    case 'oo':
      // An objective's indicator printed without figures, or an objective that has none.
      return state.objectiveOpen ? 'indicatore' : 'oo';
    case 'indicatore':
      return state.block === undefined ? undefined : 'indicatore';
    default:
      return undefined;
  }
}

/** Unit report: an objective row before indicators is an objective; before objectives, an AO. */
function unitNodeLevel(rows: readonly ShapedRow[], i: number, state: State, pending: readonly string[] = [rows[i].key]): Level | undefined {
  const j = following(rows, i, state, pending);
  const next = rows[j];
  if (next === undefined || next.shape === 'root' || next.shape === 'block') return undefined;
  if (next.shape === 'leaf') return 'obiettivo';
  if (pending.length > LOOKAHEAD) return undefined;
  return unitNodeLevel(rows, j, state, [...pending, next.key]) === 'obiettivo' ? 'ao' : undefined;
}

/** The objective levels of each report, by rank; the first is the root's. */
const CHAIN: Readonly<Record<TreeKind, readonly Level[]>> = {
  ente: ['ente', 'ambito', 'os', 'blocco', 'oo'],
  albero: ['ente', 'ambito', 'os', 'blocco', 'oo'],
  unita: ['area', 'ao', 'obiettivo'],
};

/** Where a row the structure cannot place is read: below the deepest open row (an OS has no block of its own here). */
function fallbackLevel(kind: TreeKind, state: State): Level {
  const chain = CHAIN[kind];
  const below = chain[Math.min(Math.max(state.open.length, 1), chain.length - 1)];
  return below === 'blocco' ? 'oo' : below;
}

function openAt(state: State, level: Level, key: string): void {
  const rank = LEVEL_RANK[level];
  // A row repeated at a page break leaves open what was open below it.
  if (state.open[rank] === key) return;
  state.open.length = rank;
  state.open[rank] = key;
  if (level === 'ambito' || level === 'os') state.block = undefined;
  state.objectiveOpen = level === 'oo';
}

function isRoot(kind: TreeKind, row: ShapedRow, state: State): boolean {
  if (row.shape !== 'root' || kind === 'albero') return false;
  // A unit report has an Area after another; the Ente report one Ente, repeated at page breaks.
  return kind === 'unita' || state.open.length === 0 || state.open[0] === row.key;
}

/** The rank of the open row that `row` repeats, or -1. */
function repeatedRank(row: ShapedRow, state: State): number {
  const from = row.afterBreak === true ? 0 : state.repeatFrom;
  if (from === undefined) return -1;
  return state.open.indexOf(row.key, from);
}

function nodeLevel(kind: TreeKind, rows: readonly ShapedRow[], i: number, state: State): Level | undefined {
  return kind === 'unita' ? unitNodeLevel(rows, i, state) : enteNodeLevel(rows, i, state);
}

/**
 * Levels of the rows of a tree report from its structure alone: which rows carry a weight, which a
 * target or a value, Integra's block headers and the order of rows. Codes are never read, so any
 * chamber's numbering works.
 */
export function assignLevels(kind: TreeKind, rows: readonly ShapedRow[]): LevelReading {
  const state: State = { open: [], objectiveOpen: false };
  const levels: Level[] = [];
  const uncertain = new Set<number>();
  rows.forEach((row, i) => {
    let level: Level | undefined;
    const repeated = row.shape === 'leaf' || row.shape === 'block' ? -1 : repeatedRank(row, state);
    const root = isRoot(kind, row, state);
    state.repeatFrom = repeated >= 0 ? repeated + 1 : root ? 1 : undefined;
    if (row.shape === 'leaf') level = 'indicatore';
    else if (row.shape === 'block' && kind !== 'unita') level = 'blocco';
    else if (root) level = CHAIN[kind][0];
    // A row repeated at a page break takes the level of the open row it repeats.
    else if (repeated >= 0) level = CHAIN[kind][repeated];
    else level = nodeLevel(kind, rows, i, state);
    if (level === undefined) {
      level = fallbackLevel(kind, state);
      uncertain.add(i);
    }
    levels.push(level);
    if (level === 'blocco') state.block = row.block;
    if (level !== 'indicatore') openAt(state, level, row.key);
  });
  return { levels, uncertain };
}
