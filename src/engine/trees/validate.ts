import {
  DEFAULT_PROFILE, excerpt, finding, formatPercent, formatPercentPair, readingFindingCode, type EngineError,
  type Finding, type FindingCode, type SmvpProfile,
} from '../core';
import { ambiguousUnitFinding } from '../cells';
import { achievementSpan, contains, printedBounds, spanOverlaps } from './bounds';
import { flatten, type EvaluatedNode } from './evaluate';
import { unreadableMeasuresFinding, valueVsMeasuresFinding } from './measures-findings';
import type { TreeRow } from './tree';

function describe(row: TreeRow): string {
  return excerpt(row.code === '' ? row.label : row.code);
}

function inputError(code: FindingCode, cell: string | undefined, what: string, error: EngineError): Finding {
  return finding(readingFindingCode(error, code), cell, `${what}: ${error.message}`);
}

function indicatorFindings(node: EvaluatedNode): Finding[] {
  const ind = node.indicator;
  if (ind === undefined) return [];
  const { row } = node;
  const at = row.addresses ?? {};
  const name = describe(row);
  const out: Finding[] = [];
  if (!ind.target.ok) out.push(inputError('target-illeggibile', at.target, `Target di ${name}`, ind.target.error));
  if (!ind.actual.ok) out.push(inputError('valore-illeggibile', at.value, `Valore di ${name}`, ind.actual.error));
  if (ind.actual.ok && ind.actual.value.kind === 'missing') {
    out.push(
      finding('valore-mancante', at.value, `${name}: valore mancante (${ind.actual.value.reason === 'n/d' ? 'N/D' : 'cella vuota'}). L'indicatore non è misurabile: è escluso dalla media del livello superiore. Inserire il consuntivo.`),
    );
  }
  if (ind.outcome.ok === false && ind.target.ok && ind.actual.ok) {
    out.push(finding('valore-incompatibile', at.value, `${name}: ${ind.outcome.error.message} Correggere il target o il valore.`));
  }
  if (ind.unitGuess !== undefined && ind.actual.ok) out.push(ambiguousUnitFinding(name, at.value, ind.actual.value));
  if (ind.measuresError !== undefined) out.push(unreadableMeasuresFinding(name, at.measures, ind.measuresError));
  const disagreement = ind.source === 'measures' ? valueVsMeasuresFinding(name, at.value, ind.stated, ind.actual) : undefined;
  if (disagreement !== undefined) out.push(disagreement);
  return out;
}

function weightFindings(node: EvaluatedNode, profile: SmvpProfile): Finding[] {
  const out: Finding[] = [];
  for (const child of node.children) {
    if (child.weight !== undefined && !child.weight.ok) {
      out.push(inputError('peso-illeggibile', child.row.addresses?.weight ?? child.row.addresses?.code, `Peso di ${describe(child.row)}`, child.weight.error));
    }
  }
  const r = node.rollup;
  // With a weight unreadable the sum is unknown: its own finding says so, no second one on the sum.
  if (r === undefined || out.length > 0) return out;
  if (!r.ok) {
    out.push(finding(r.error.code === 'zero-weights' ? 'pesi-nulli' : 'peso-illeggibile', node.row.addresses?.code, `${describe(node.row)}: ${r.error.message}`));
  } else if (!r.value.weightsOk) {
    const first = node.children.find((c) => c.weight !== undefined)?.row.addresses?.weight;
    out.push(
      finding('somma-pesi', first ?? node.row.addresses?.code, `I pesi sotto ${describe(node.row)} sommano a ${formatPercent(r.value.weightSum, profile.displayDecimals)} invece di 100%: correggere i pesi (la media è comunque normalizzata sulla loro somma).`, { computed: r.value.weightSum }),
    );
  }
  return out;
}

function statedFindings(node: EvaluatedNode, profile: SmvpProfile): Finding[] {
  const { row } = node;
  const cell = row.addresses?.stated;
  const stated = node.statedAchievement;
  if (stated === undefined || node.achievement === null) return [];
  if (!stated.ok || stated.value.kind === 'date') {
    const code = stated.ok ? 'raggiungimento-illeggibile' : readingFindingCode(stated.error, 'raggiungimento-illeggibile');
    // An unreadable printed figure only stops the comparison: an avviso, even for an Excel error.
    return [finding(code, cell, `${describe(row)}: raggiungimento dichiarato non leggibile${stated.ok ? '' : ` (${stated.error.message})`}.`, { severity: 'avviso' })];
  }
  if (stated.value.kind === 'missing') return [];
  const s = stated.value;
  const computed = node.achievement;
  const statedRange = printedBounds(s);
  if (contains(statedRange, computed)) return [];
  const [shownStated, shownComputed] = formatPercentPair(s.amount, computed, profile.displayDecimals);
  const figures = { stated: s.amount, computed };
  const span = achievementSpan(node, profile);
  if (span !== null && spanOverlaps(span, statedRange)) {
    return [
      finding('arrotondamento', cell, `${describe(row)}: dichiarato ${shownStated}, ricalcolato ${shownComputed} dai valori stampati con pochi decimali: differenza di arrotondamento. Inserire i valori misure per il calcolo a piena precisione.`, figures),
    ];
  }
  return [
    finding('raggiungimento-diverso', cell, `${describe(row)}: raggiungimento dichiarato ${shownStated}, ricalcolato ${shownComputed}. Verificare pesi e valori sottostanti o correggere il dato.`, figures),
  ];
}

/** Everything a careful reader checks in a recomputed report (SMVP §2–4, §7). */
export function validateTree(roots: readonly EvaluatedNode[], profile: SmvpProfile = DEFAULT_PROFILE): Finding[] {
  const out: Finding[] = [];
  for (const node of flatten(roots)) {
    out.push(...indicatorFindings(node), ...weightFindings(node, profile), ...statedFindings(node, profile));
  }
  return out;
}
