import {
  DEFAULT_PROFILE, finding, formatPercentPair, readingFindingCode, type EngineError,
  type Finding, type FindingCode, type SmvpProfile,
} from '../core';
import { ambiguousUnitFinding } from '../cells';
import { achievementSpan, contains, printedBounds, spanOverlaps } from './bounds';
import { flatten, type EvaluatedNode } from './evaluate';
import { unreadableMeasuresFinding, valueVsMeasuresFinding } from './measures-findings';
import { rowNameInMessage } from './tree';
import { weightFindings } from './weight-check';

function inputError(code: FindingCode, cell: string | undefined, what: string, error: EngineError): Finding {
  return finding(readingFindingCode(error, code), cell, `${what}: ${error.message}`);
}

function indicatorFindings(node: EvaluatedNode, profile: SmvpProfile): Finding[] {
  const ind = node.indicator;
  if (ind === undefined) return [];
  const { row } = node;
  const at = row.addresses ?? {};
  const name = rowNameInMessage(row);
  const out: Finding[] = [];
  if (!ind.target.ok) out.push(inputError('target-illeggibile', at.target, `Target di ${name}`, ind.target.error));
  if (!ind.actual.ok) out.push(inputError('valore-illeggibile', at.value, `Valore di ${name}`, ind.actual.error));
  if (ind.actual.ok && ind.actual.value.kind === 'missing') {
    const counted = profile.missingValue === 'zero' ? 'conta come 0% nella media' : 'è escluso dalla media';
    const why = ind.actual.value.reason === 'n/d' ? 'N/D' : 'cella vuota';
    out.push(finding('valore-mancante', at.value, `${name}: valore mancante (${why}). L'indicatore non è misurabile: ${counted} del livello superiore. Inserire il consuntivo.`));
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

/** The weights under a node (SMVP §3); a roll-up that still fails (measured children all weighing zero) says why. */
function nodeWeightFindings(node: EvaluatedNode, profile: SmvpProfile): Finding[] {
  const children = node.children.flatMap((c) => (c.weight === undefined ? [] : [{ row: c.row, weight: c.weight }]));
  const out = weightFindings(rowNameInMessage(node.row), children, profile);
  const r = node.rollup;
  if (out.length === 0 && r !== undefined && !r.ok) out.push(finding(r.error.code === 'zero-weights' ? 'pesi-nulli' : 'peso-illeggibile', node.row.addresses?.code, `${rowNameInMessage(node.row)}: ${r.error.message}`));
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
    return [finding(code, cell, `${rowNameInMessage(row)}: raggiungimento dichiarato non leggibile${stated.ok ? '' : ` (${stated.error.message})`}.`, { severity: 'avviso' })];
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
      finding('arrotondamento', cell, `${rowNameInMessage(row)}: dichiarato ${shownStated}, ricalcolato ${shownComputed} dai valori stampati con pochi decimali: differenza di arrotondamento. Inserire i valori misure per il calcolo a piena precisione.`, figures),
    ];
  }
  return [
    finding('raggiungimento-diverso', cell, `${rowNameInMessage(row)}: raggiungimento dichiarato ${shownStated}, ricalcolato ${shownComputed}. Verificare pesi e valori sottostanti o correggere il dato.`, figures),
  ];
}

/** Everything a careful reader checks in a recomputed report (SMVP §2–4, §7). */
export function validateTree(roots: readonly EvaluatedNode[], profile: SmvpProfile = DEFAULT_PROFILE): Finding[] {
  const out: Finding[] = [];
  for (const node of flatten(roots)) {
    out.push(...indicatorFindings(node, profile), ...nodeWeightFindings(node, profile), ...statedFindings(node, profile));
  }
  return out;
}
