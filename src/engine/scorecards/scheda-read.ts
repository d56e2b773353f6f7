import { excerpt, finding, formatPercent, type Finding } from '../core';
import { parseWeight } from '../cells';
import { rowNameInMessage, type Field, type Level } from '../trees';
import {
  address, cellAt, cellInput, isEmptyCell, isExternalTarget, isHeaderRow, normaliseHeader, sheetRow, textOf,
  type Grid, type GridCell, type Layout, type ReportRow,
} from '../sheets';

/** An individual scorecard as tree rows: the card, its objectives, their indicators; and what could not be read as given. */
export interface SchedaReading {
  readonly rows: ReportRow[];
  readonly findings: Finding[];
}

// A Map: the type is user text, and «constructor» must not find Object's.
const OBJECTIVE_LEVELS: ReadonlyMap<string, Level> = new Map([
  ['os', 'os'],
  ['op', 'op'],
  ['oo', 'op'],
  ['extra', 'extra'],
]);

/** "A111- Sviluppo …", "MISURE ANTICORR. - Rispetto …": the code ends at the first dash followed by a space. */
export function splitObjective(text: string): { code: string; label: string } {
  const m = /^(.+?)\s?-\s+(.*)$/s.exec(text);
  return m === null ? { code: text, label: '' } : { code: m[1].trim(), label: m[2].trim() };
}

/** The card's holder: the first text above the header, else the sheet's name. */
function holderOf(grid: Grid, layout: Layout): { label: string; row: number } | undefined {
  for (let r = 0; r < layout.headerRow; r += 1) {
    const cell = (grid.rows[r] ?? []).find((c) => !isEmptyCell(c));
    if (cell !== undefined) return { label: textOf(cell.value), row: r };
  }
  return undefined;
}

function sameWeight(a: GridCell, b: GridCell): boolean {
  const x = parseWeight(cellInput(a));
  const y = parseWeight(cellInput(b));
  return x.ok && y.ok ? x.value.equals(y.value) : textOf(a.value) === textOf(b.value);
}

function weightText(cell: GridCell): string {
  const w = parseWeight(cellInput(cell));
  return w.ok ? formatPercent(w.value) : `«${excerpt(textOf(cell.value))}»`;
}

/**
 * Reads a *scheda obiettivi individuali*. An objective row has its type (OS, OP, EXTRA) in the first
 * column, its grado and its weight; an indicator row its weight and figures. Some cards print the
 * objective's weight on each of its indicator rows instead: the first one gives it. Lines that only
 * describe the objective carry no figure and are skipped.
 */
export function readScheda(grid: Grid, layout: Layout): SchedaReading {
  const col = layout.columns;
  const holder = holderOf(grid, layout);
  const root: ReportRow = {
    level: 'scheda',
    code: '',
    label: holder?.label ?? grid.name,
    external: false,
    sheetRow: sheetRow(grid, holder?.row ?? layout.headerRow),
    addresses: holder === undefined ? {} : { code: address(grid, holder.row, 0) },
  };
  const rows: ReportRow[] = [root];
  const findings: Finding[] = [];
  let objective: { index: number; weightCell?: GridCell } | undefined;
  for (let r = layout.headerRow + 1; r < grid.rows.length; r += 1) {
    if (isHeaderRow(grid, r, layout)) continue;
    const at = (c: number | undefined) => (c === undefined ? undefined : cellAt(grid, r, c));
    const where = (c: number | undefined) => (c === undefined ? undefined : address(grid, r, c));
    const addresses: Partial<Record<Field, string>> = {};
    const put = (field: Field, c: number | undefined) => {
      const a = where(c);
      if (a !== undefined) addresses[field] = a;
    };
    const type = normaliseHeader(textOf(at(col.objectiveType)?.value));
    const level = OBJECTIVE_LEVELS.get(type);
    // Text of another type with nothing beside it is a title or a note line, not an objective.
    const isObjective = level !== undefined || (type !== '' && [col.objective, col.stated, col.objectiveWeight].some((c) => !isEmptyCell(at(c))));
    if (isObjective) {
      const text = textOf(at(col.objective)?.value);
      const weight = at(col.objectiveWeight);
      put('code', text === '' ? col.objectiveType : col.objective);
      put('stated', col.stated);
      if (!isEmptyCell(weight)) put('weight', col.objectiveWeight);
      objective = { index: rows.length, ...(isEmptyCell(weight) ? {} : { weightCell: weight }) };
      rows.push({
        level: level ?? 'obiettivo',
        ...splitObjective(text),
        external: false,
        sheetRow: sheetRow(grid, r),
        addresses,
        ...(isEmptyCell(weight) ? {} : { weight: cellInput(weight) }),
        stated: cellInput(at(col.stated)),
      });
      continue;
    }
    const name = textOf(at(col.indicator)?.value);
    const figures = [col.indicatorWeight, col.target, col.value, col.measures, col.stated].some((c) => !isEmptyCell(at(c)));
    if (!figures) continue;
    for (const [field, c] of [['code', col.indicator], ['weight', col.indicatorWeight], ['target', col.target], ['value', col.value], ['measures', col.measures], ['stated', col.stated]] as const) put(field, c);
    // A row of figures without its indicator's name is still counted, named by its row.
    const { code, label } = name === '' ? { code: '', label: `riga ${sheetRow(grid, r)}` } : splitObjective(name);
    rows.push({
      level: 'indicatore',
      code,
      label,
      external: isExternalTarget(grid, r, layout),
      sheetRow: sheetRow(grid, r),
      addresses,
      weight: cellInput(at(col.indicatorWeight)),
      target: cellInput(at(col.target)),
      value: cellInput(at(col.value)),
      stated: cellInput(at(col.stated)),
      ...(isEmptyCell(at(col.measures)) ? {} : { measures: cellInput(at(col.measures)) }),
    });
    const objectiveWeight = at(col.objectiveWeight);
    if (objective === undefined || objectiveWeight === undefined || isEmptyCell(objectiveWeight)) continue;
    if (objective.weightCell === undefined) {
      const parent = rows[objective.index];
      objective.weightCell = objectiveWeight;
      rows[objective.index] = { ...parent, weight: cellInput(objectiveWeight), addresses: { ...parent.addresses, weight: where(col.objectiveWeight) } };
    } else if (!sameWeight(objective.weightCell, objectiveWeight)) {
      const parent = rows[objective.index];
      findings.push(finding('peso-obiettivo-diverso', where(col.objectiveWeight), `Peso dell'obiettivo ${rowNameInMessage(parent)}: ${weightText(objectiveWeight)} in questa riga, ${weightText(objective.weightCell)} in ${parent.addresses?.weight ?? 'una riga precedente'}. Vale il primo: correggere quello che non è il peso assegnato.`));
    }
  }
  return { rows, findings };
}
