import { excerpt } from '../core';
import type { CellLike } from '../cells';

/**
 * Levels of the Integra trees: the Ente report, the unit report (area → ao → obiettivo) and the
 * individual scorecard (scheda → objective of type os, op or extra → indicatore).
 */
export type Level = 'ente' | 'ambito' | 'os' | 'blocco' | 'oo' | 'indicatore' | 'area' | 'ao' | 'obiettivo' | 'scheda' | 'op' | 'extra';

/** Depth of each level: a row's parent is the nearest open row of lower rank. */
export const LEVEL_RANK: Readonly<Record<Level, number>> = {
  ente: 0,
  area: 0,
  scheda: 0,
  ambito: 1,
  ao: 1,
  os: 2,
  obiettivo: 2,
  op: 2,
  extra: 2,
  blocco: 3,
  oo: 4,
  indicatore: 5,
};

/** Each level as the reports name it, for messages. */
export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  ente: 'Ente',
  ambito: 'ambito',
  os: 'obiettivo strategico',
  blocco: 'blocco',
  oo: 'obiettivo operativo',
  indicatore: 'indicatore',
  area: 'area',
  ao: 'area organizzativa',
  obiettivo: 'obiettivo',
  scheda: 'scheda',
  op: 'obiettivo operativo',
  extra: 'obiettivo extra',
};

export type Field = 'weight' | 'code' | 'label' | 'target' | 'value' | 'measures' | 'stated';

/** One row of a report, as read from a sheet or a transcription. Cells stay raw until evaluated. */
export interface TreeRow {
  readonly level: Level;
  readonly code: string;
  readonly label: string;
  readonly weight?: CellLike;
  readonly target?: CellLike;
  readonly value?: CellLike;
  /** *Valori misure*: when readable, the value is computed from them at full precision. */
  readonly measures?: CellLike;
  /** The achievement the report states for this row. */
  readonly stated?: CellLike;
  /** The target is set by the ministry (green in the report, or a *Target esterno* column says so). */
  readonly external?: boolean;
  /** 1-based sheet row the row was read from. */
  readonly sheetRow?: number;
  /** Where each field was read (A1 addresses), for findings. */
  readonly addresses?: Readonly<Partial<Record<Field, string>>>;
}

export interface TreeNode {
  readonly row: TreeRow;
  readonly children: TreeNode[];
}

/**
 * Builds the forest of a report from its rows in print order. A row that repeats one already open
 * (Integra repeats Ente and Ambito at every page break, even inside an objective) is the same node,
 * and what was open below it stays open.
 */
export function buildTree(rows: readonly TreeRow[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const open: TreeNode[] = [];
  for (const row of rows) {
    if (row.level !== 'indicatore' && open.some((n) => n.row.level === row.level && n.row.code === row.code)) continue;
    const rank = LEVEL_RANK[row.level];
    while (open.length > 0 && LEVEL_RANK[open[open.length - 1].row.level] >= rank) open.pop();
    const siblings = open.length === 0 ? roots : open[open.length - 1].children;
    const node: TreeNode = { row, children: [] };
    siblings.push(node);
    open.push(node);
  }
  return roots;
}

type Named = { readonly code: string; readonly label: string };

/** How a row is named in listings: its code, else its label. */
export function rowName(row: Named): string {
  return row.code === '' ? row.label : row.code;
}

/** How a message names a row: its name cut to a readable length (a cell may hold 32,767 characters). */
export function rowNameInMessage(row: Named): string {
  return excerpt(rowName(row));
}
