/** The JSON the CLI prints (documented in the README): fractions at full precision, as numbers. */
import type { NodeReport, OvershootingReport, SheetReport } from '../engine';

const num = (s: string | null) => (s === null ? null : Number(s));

function nodeJson(n: NodeReport) {
  return { row: n.row, level: n.level, code: n.code, label: n.label, weight: num(n.weight), stated: num(n.stated), computed: num(n.computed), semaforo: n.semaforo };
}

export function validateJson(file: string, sheets: readonly SheetReport[]) {
  return {
    file,
    sheets: sheets.map((s) => ({
      name: s.name,
      layout: s.layout,
      nodes: s.nodes.map(nodeJson),
      findings: s.findings.map((f) => ({
        severity: f.severity,
        code: f.code,
        cell: f.cell,
        message: f.message,
        ...(f.stated === undefined ? {} : { stated: Number(f.stated) }),
        ...(f.computed === undefined ? {} : { computed: Number(f.computed) }),
        ...(f.suggested === undefined ? {} : { suggested: f.suggested }),
      })),
      ...(s.layout === 'albero' ? { legend: s.legend } : {}),
    })),
  };
}

export function overshootingJson(file: string, sheet: string, report: OvershootingReport) {
  return {
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
    findings: report.findings,
  };
}
