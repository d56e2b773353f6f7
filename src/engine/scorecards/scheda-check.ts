import { DEFAULT_PROFILE, finding, formatPercent, type Dec, type Finding, type SmvpProfile } from '../core';
import { rollUp } from '../rules';
import { contains, matchAcrossYears, printedBounds, weightedChildren, type EvaluatedNode } from '../trees';

/** A strategic objective of the Ente report, with its recomputed grado. */
export interface EnteObjective {
  readonly code: string;
  readonly label: string;
  readonly achievement: Dec | null;
}

/** The strategic objectives of the Ente report in the same workbook. */
export interface SchedaContext {
  readonly ente?: { readonly sheet: string; readonly os: readonly EnteObjective[] };
}

/** The card's OS objectives found among the Ente report's, as across years: by code, punctuation, description. */
function enteGrado(root: EvaluatedNode, context: SchedaContext): Map<EvaluatedNode, Dec | null> {
  const cardOs = root.children.filter((c) => c.row.level === 'os').map((node) => ({ node, level: 'os' as const, code: node.row.code, label: node.row.label }));
  const enteOs = (context.ente?.os ?? []).map((os) => ({ ...os, level: 'os' as const }));
  return new Map(matchAcrossYears(enteOs, cardOs).pairs.map((p) => [p.now.node, p.before.achievement]));
}

export interface GradedScheda {
  readonly root: EvaluatedNode;
  readonly findings: Finding[];
}

/**
 * A card lists only the indicators of an OS, while its grado is the OS's result in the Ente report,
 * operational objectives included (803: indicators 99,62%, OS 99,75%). The OS objectives take that
 * result when the workbook holds the Ente report; otherwise the stated grado stands, unverified, and
 * a note says so when the listed indicators alone disagree with it. The card's result is then
 * recomputed over its objectives.
 */
export function gradeStrategicObjectives(root: EvaluatedNode, context: SchedaContext, profile: SmvpProfile = DEFAULT_PROFILE): GradedScheda {
  const findings: Finding[] = [];
  const fromEnte = enteGrado(root, context);
  const regrade = (node: EvaluatedNode): EvaluatedNode => {
    if (node.row.level !== 'os') return node;
    if (fromEnte.has(node)) return { ...node, achievement: fromEnte.get(node) ?? null };
    const stated = node.statedAchievement;
    if (stated === undefined || !stated.ok || stated.value.kind !== 'quantity') return node;
    const s = stated.value;
    if (node.achievement !== null && !contains(printedBounds(s), node.achievement)) {
      const d = profile.displayDecimals;
      findings.push(
        finding('os-non-verificato', node.row.addresses?.stated, `${node.row.code}: la scheda dichiara ${formatPercent(s.amount, d)}, i soli indicatori elencati danno ${formatPercent(node.achievement, d)}. Il grado di un obiettivo strategico comprende anche i suoi obiettivi operativi: per verificarlo aggiungere alla cartella il report Performance organizzativa Ente. Il risultato della scheda usa il grado dichiarato.`, {
          stated: s.amount,
          computed: node.achievement,
        }),
      );
    }
    return { ...node, achievement: s.amount };
  };
  const children = root.children.map(regrade);
  if (children.every((c, i) => c === root.children[i])) return { root, findings };
  const rollup = rollUp(weightedChildren(children), profile);
  return { root: { ...root, children, achievement: rollup.ok ? rollup.value.value : null, rollup }, findings };
}
