import { contains, printedBounds } from './bounds';
import type { Dec } from './decimal';
import { weightedChildren, type EvaluatedNode } from './evaluate';
import type { Finding } from './findings';
import { formatPercent } from './format';
import { DEFAULT_PROFILE, type SmvpProfile } from './profile';
import { rollUp } from './rollup';

/** The strategic objectives of the Ente report in the same workbook, with their recomputed grado. */
export interface SchedaContext {
  readonly ente?: { readonly sheet: string; readonly os: ReadonlyMap<string, Dec | null> };
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
  const regrade = (node: EvaluatedNode): EvaluatedNode => {
    if (node.row.level !== 'os') return node;
    const fromEnte = context.ente?.os.get(node.row.code);
    if (fromEnte !== undefined) return { ...node, achievement: fromEnte };
    const stated = node.statedAchievement;
    if (stated === undefined || !stated.ok || stated.value.kind !== 'quantity') return node;
    const s = stated.value;
    if (node.achievement !== null && !contains(printedBounds(s), node.achievement)) {
      const d = profile.displayDecimals;
      findings.push({
        severity: 'nota',
        code: 'os-non-verificato',
        cell: node.row.addresses?.stated ?? '',
        message: `${node.row.code}: la scheda dichiara ${formatPercent(s.amount, d)}, i soli indicatori elencati danno ${formatPercent(node.achievement, d)}. Il grado di un obiettivo strategico comprende anche i suoi obiettivi operativi: per verificarlo aggiungere alla cartella il report Performance organizzativa Ente. Il risultato della scheda usa il grado dichiarato.`,
        stated: s.amount.toString(),
        computed: node.achievement.toString(),
      });
    }
    return { ...node, achievement: s.amount };
  };
  const children = root.children.map(regrade);
  if (children.every((c, i) => c === root.children[i])) return { root, findings };
  const rollup = rollUp(weightedChildren(children), profile);
  return { root: { ...root, children, achievement: rollup.ok ? rollup.value.value : null, rollup }, findings };
}
