import { LEVEL_RANK, type Level } from './tree';

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
}

/** How many following objective rows may be looked at to place one: Integra nests at most ambito → OS. */
const LOOKAHEAD = 3;

/**
 * The row after `i` that says something about it. A page break repeats the open path from the top
 * (the Ente, then the ambito, …) and row `i` itself when it was the last of its page: those rows are
 * skipped. A row repeating an open row out of that order is not a repeat: two objectives may share a
 * label under different parents.
 */
function following(rows: readonly ShapedRow[], i: number, state: State): number {
  let j = i + 1;
  let depth = 0;
  while (j < rows.length && (rows[j].shape === 'root' || rows[j].shape === 'node')) {
    while (depth < state.open.length && state.open[depth] === undefined) depth += 1;
    if (rows[j].key === state.open[depth]) depth += 1;
    else if (rows[j].key !== rows[i].key) break;
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
function enteNodeLevel(rows: readonly ShapedRow[], i: number, state: State, depth = 0): Level | undefined {
  const j = following(rows, i, state);
  const next = rows[j];
  if (next === undefined || next.shape === 'root') return state.block === undefined ? undefined : 'indicatore';
  if (next.shape === 'block') return 'os';
  if (next.shape === 'leaf') {
    if (state.block === OPERATIONAL_BLOCK) return 'oo';
    return state.block === undefined ? 'os' : 'indicatore';
  }
  if (depth >= LOOKAHEAD) return undefined;
  switch (enteNodeLevel(rows, j, state, depth + 1)) {
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
function unitNodeLevel(rows: readonly ShapedRow[], i: number, state: State, depth = 0): Level | undefined {
  const j = following(rows, i, state);
  const next = rows[j];
  if (next === undefined || next.shape === 'root' || next.shape === 'block') return undefined;
  if (next.shape === 'leaf') return 'obiettivo';
  if (depth >= LOOKAHEAD) return undefined;
  return unitNodeLevel(rows, j, state, depth + 1) === 'obiettivo' ? 'ao' : undefined;
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

function nodeLevel(kind: TreeKind, rows: readonly ShapedRow[], i: number, state: State): Level | undefined {
  // A row repeated at a page break takes the level of the open row it repeats.
  const rank = state.open.lastIndexOf(rows[i].key);
  if (rank >= 0) return CHAIN[kind][rank];
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
    if (row.shape === 'leaf') level = 'indicatore';
    else if (row.shape === 'block' && kind !== 'unita') level = 'blocco';
    else if (isRoot(kind, row, state)) level = CHAIN[kind][0];
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
