/**
 * The JSON the CLI prints (documented once, in the README): fractions at full precision, as numbers
 * everywhere; `schema` says which shape it is, so a script can tell when it changes.
 */
import type { Finding, NodeReport, OvershootingReport, SheetReport } from '../engine';

/** Raised when a field changes meaning or shape; adding a field does not. */
export const JSON_SCHEMA = 1;

const num = (s: string | null) => (s === null ? null : Number(s));

/** A finding with its figures as numbers, the same in both commands' JSON. */
function findingJson(f: Finding) {
  return {
    severity: f.severity,
    code: f.code,
    cell: f.cell,
    message: f.message,
    ...(f.stated === undefined ? {} : { stated: Number(f.stated) }),
    ...(f.computed === undefined ? {} : { computed: Number(f.computed) }),
    ...(f.suggested === undefined ? {} : { suggested: f.suggested }),
  };
}

function nodeJson(n: NodeReport) {
  return { row: n.row, level: n.level, code: n.code, label: n.label, weight: num(n.weight), stated: num(n.stated), computed: num(n.computed), semaforo: n.semaforo };
}

export function validateJson(file: string, sheets: readonly SheetReport[]) {
  return {
    schema: JSON_SCHEMA,
    file,
    sheets: sheets.map((s) => ({
      name: s.name,
      layout: s.layout,
      nodes: s.nodes.map(nodeJson),
      findings: s.findings.map(findingJson),
      ...(s.layout === 'albero' ? { legend: s.legend } : {}),
    })),
  };
}

export function overshootingJson(file: string, sheet: string, report: OvershootingReport) {
  return {
    schema: JSON_SCHEMA,
    file,
    sheet,
    total: report.total,
    flagged: report.flagged,
    share: report.share.toNumber(),
    external: report.external,
    // byTipo has no prototype: a TIPO named "__proto__" is a key like any other, and JSON keeps it.
    byTipo: report.byTipo,
    rows: report.lines.map(({ input, outcome }) => ({
      row: input.row,
      code: input.code,
      grado: outcome?.achievement.toNumber() ?? null,
      ratio: outcome?.ratio?.toNumber() ?? null,
      excess: outcome?.excess?.toNumber() ?? null,
      flagged: outcome?.flagged ?? false,
      external: input.external,
    })),
    findings: report.findings.map(findingJson),
  };
}
