/**
 * `smvp spiega`: why each node scores what it scores, as text (tables and the sentence for the
 * Relazione) and as JSON (schema as in report-json.ts: fractions as numbers at full precision).
 */
import {
  capitalised, Dec, excerpt, explanationText, formatPercent, LEFT_OUT_WORDS, nodeTitle, points, rowName, semaforo, type Contribution,
  type EvaluatedNode, type Explanation, type LeftOut,
} from '../engine';
import { JSON_SCHEMA } from './report-json';

/** Indicators listed one by one in the text; the rest are summed (the JSON has them all). */
const LISTED_INDICATORS = 10;

export interface ExplainedSheet {
  readonly sheet: string;
  readonly explanations: readonly Explanation[];
}

export interface TextOutput {
  readonly line: (text: string) => void;
  readonly table: (rows: readonly (readonly string[])[]) => void;
}

const name = (node: EvaluatedNode): string => rowName(node.row);

function contributionRows(parts: readonly Contribution[]): string[][] {
  return parts.map((c) => [
    `  ${c.node.row.level}`,
    name(c.node),
    excerpt(c.node.row.label),
    formatPercent(c.share),
    c.countedAsZero ? 'senza valore (0%)' : formatPercent(c.achievement),
    points(c.loss),
  ]);
}

const HEADER = ['  Livello', 'Codice', 'Descrizione', 'Quota', 'Raggiungimento', 'Punti tolti'];

/** One explanation: the figure, the children, the indicators that cost the most, what was left out, the sentence. */
export function printExplanation(out: TextOutput, e: Explanation): void {
  const { node } = e;
  const figure = node.achievement === null ? 'non calcolabile' : `${formatPercent(node.achievement)} (${semaforo(node.achievement)})`;
  const title = nodeTitle(node.row);
  out.line('');
  out.line(`${capitalised(title)}${node.row.sheetRow === undefined ? '' : `, riga ${node.row.sheetRow}`}: ${figure}`);
  if (e.gap !== null && e.children.length > 0) {
    out.line(e.gap.isZero() ? 'Figli nella media:' : `Sotto il 100% di ${points(e.gap)}. Figli nella media:`);
    out.table([HEADER, ...contributionRows(e.children)]);
  }
  if (e.childrenLeftOut.length > 0) out.line(`Fuori dalla media: ${e.childrenLeftOut.map((l) => `${name(l.node)} (${LEFT_OUT_WORDS[l.reason]})`).join(', ')}.`);
  const costing = e.indicators.filter((c) => !c.loss.isZero());
  if (costing.length > 0 && (costing.length > 1 || costing[0].node !== node)) {
    out.line(`Da dove vengono i punti tolti${costing.length > LISTED_INDICATORS ? ` (i ${LISTED_INDICATORS} maggiori di ${costing.length})` : ''}:`);
    out.table([HEADER, ...contributionRows(costing.slice(0, LISTED_INDICATORS))]);
    const rest = costing.slice(LISTED_INDICATORS);
    if (rest.length > 0) out.line(`  Gli altri ${rest.length}: ${points(rest.reduce((sum, c) => sum.plus(c.loss), new Dec(0)))} in tutto (--json li elenca tutti).`);
  }
  out.line(`Per la Relazione: ${explanationText(e)}`);
}

/** Where a node is and what it is called, as every object of the JSON gives it. */
function rowJson({ row }: EvaluatedNode) {
  return { row: row.sheetRow ?? null, level: row.level, code: row.code, label: row.label };
}

function contributionJson(c: Contribution) {
  return {
    ...rowJson(c.node),
    share: c.share.toNumber(),
    achievement: c.countedAsZero ? null : c.achievement.toNumber(),
    loss: c.loss.toNumber(),
  };
}

function leftOutJson(l: LeftOut) {
  return { ...rowJson(l.node), reason: l.reason };
}

export function explainJson(file: string, sheets: readonly ExplainedSheet[]) {
  return {
    schema: JSON_SCHEMA,
    file,
    sheets: sheets.map(({ sheet, explanations }) => ({
      name: sheet,
      explanations: explanations.map((e) => ({
        ...rowJson(e.node),
        computed: e.node.achievement?.toNumber() ?? null,
        semaforo: e.node.achievement === null ? null : semaforo(e.node.achievement),
        gap: e.gap?.toNumber() ?? null,
        children: e.children.map(contributionJson),
        indicators: e.indicators.map(contributionJson),
        leftOut: e.indicatorsLeftOut.map(leftOutJson),
        text: explanationText(e),
      })),
    })),
  };
}
