/**
 * `npm run demo`: the engine on the seed figures (SMVP.md §7). Recomputes the Ente tree and the
 * overshooting annex of the Modena 2024 report from their transcriptions and prints them.
 */
import {
  buildTree,
  Dec,
  evaluateForest,
  evaluateMeasures,
  formatPercent,
  overshooting,
  parseActual,
  parseTarget,
  semaforo,
  walk,
  type EvaluatedNode,
} from '../src/engine';
import { enteTreeRows, readEnteSource, readOvershootingSource } from './seed-source';

function stated(node: EvaluatedNode): string {
  const s = parseActual(node.row.stated ?? null);
  return s.ok && s.value.kind === 'quantity' ? formatPercent(s.value.amount) : '';
}

function printEnte(): void {
  const [ente] = evaluateForest(buildTree(enteTreeRows(readEnteSource(), true)));
  console.log('Performance organizzativa Ente 2024 (ricalcolata dai valori misure)\n');
  console.log(['Livello', 'Codice', 'Dichiarato', 'Ricalcolato', 'Semaforo'].join('\t'));
  for (const node of walk(ente)) {
    if (!['ente', 'ambito', 'os'].includes(node.row.level) || node.achievement === null) continue;
    const label = node.row.level === 'ente' ? 'Ente' : `${node.row.code} - ${node.row.label}`;
    console.log([node.row.level, label, stated(node), formatPercent(node.achievement), semaforo(node.achievement)].join('\t'));
  }
}

function printOvershooting(): void {
  const rows = readOvershootingSource();
  const flagged: string[] = [];
  let external = 0;
  for (const row of rows) {
    const target = parseTarget(row.target);
    const measured = evaluateMeasures(row.measures);
    const actual = measured.ok ? measured : parseActual(row.value);
    if (!target.ok || !actual.ok || actual.value.kind === 'missing') {
      console.log(`${row.code}: riga non leggibile`);
      continue;
    }
    const os = overshooting(target.value, actual.value);
    if (os.ok && os.value.flagged) {
      flagged.push(`  ${row.code}\t${formatPercent(os.value.valueVsTarget)}\t${formatPercent(os.value.overshooting)}${row.external ? '\t(target MIMIT)' : ''}`);
      if (row.external) external += 1;
    }
  }
  const share = rows.length === 0 ? '-' : formatPercent(new Dec(flagged.length).div(rows.length), 1);
  console.log(
    `\nDimensioni Performance e Overshooting 2024: ${flagged.length}/${rows.length} indicatori in overshooting (${share}), ${external} con target ministeriale`,
  );
  console.log(flagged.join('\n'));
}

printEnte();
printOvershooting();
