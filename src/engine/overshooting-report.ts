import { contains, printedBounds } from './bounds';
import type { CellInput } from './cell';
import { Dec } from './decimal';
import type { Finding } from './findings';
import { formatPercent } from './format';
import { evaluateMeasures } from './measures';
import { overshooting, type OvershootingOutcome } from './overshooting';
import { DEFAULT_PROFILE, type SmvpProfile } from './profile';
import { parseTarget } from './target';
import { parseActual } from './value';

/** One indicator as the overshooting annex lists it. */
export interface AnnexInput {
  /** 1-based sheet row it was read from. */
  readonly row: number;
  readonly code: string;
  readonly label: string;
  readonly tipo: string;
  readonly description: string;
  readonly algorithm: string;
  readonly measures: CellInput;
  readonly value: CellInput;
  readonly target: CellInput;
  readonly external: boolean;
  /** Printed figures to check, when the source is an annex. */
  readonly printed?: { readonly grado: CellInput; readonly valueVsTarget: CellInput; readonly overshooting: CellInput };
  readonly addresses?: Readonly<Partial<Record<'target' | 'value' | 'grado' | 'valueVsTarget' | 'overshooting', string | undefined>>>;
}

export interface AnnexLine {
  readonly input: AnnexInput;
  /** null when target or value cannot be read (a finding says why). */
  readonly outcome: OvershootingOutcome | null;
}

export interface OvershootingReport {
  /** Indicators with a readable target. */
  readonly total: number;
  readonly flagged: number;
  readonly share: Dec;
  readonly external: number;
  readonly byTipo: Readonly<Record<string, number>>;
  readonly lines: readonly AnnexLine[];
  readonly findings: readonly Finding[];
}

function compareFigure(name: string, what: string, printed: CellInput, computed: Dec, cell: string | undefined, d: number): Finding | undefined {
  const p = parseActual(printed);
  if (!p.ok || p.value.kind !== 'quantity') return undefined;
  if (contains(printedBounds(p.value), computed)) return undefined;
  return {
    severity: 'errore',
    code: 'overshooting-diverso',
    cell: cell ?? '',
    message: `${name}: ${what} stampato ${formatPercent(p.value.amount, d)}, ricalcolato ${formatPercent(computed, d)}. Verificare target, consuntivo e valori misure.`,
    stated: p.value.amount.toString(),
    computed: computed.toString(),
  };
}

/** SMVP §5: recomputes every indicator, flags overshooting and summarises as the annex does. */
export function buildOvershootingReport(inputs: readonly AnnexInput[], profile: SmvpProfile = DEFAULT_PROFILE): OvershootingReport {
  const findings: Finding[] = [];
  const lines: AnnexLine[] = [];
  const d = profile.displayDecimals;
  for (const input of inputs) {
    const name = input.code || input.label;
    const target = parseTarget(input.target);
    const raw = input.measures.value;
    const measured = typeof raw === 'string' && raw.trim() !== '' ? evaluateMeasures(raw) : undefined;
    const actual = measured !== undefined && measured.ok ? measured : parseActual(input.value);
    if (!target.ok) {
      findings.push({ severity: 'errore', code: 'target-illeggibile', cell: input.addresses?.target ?? '', message: `Target di ${name}: ${target.error.message}` });
    } else if (!actual.ok) {
      findings.push({ severity: 'errore', code: 'valore-illeggibile', cell: input.addresses?.value ?? '', message: `Consuntivo di ${name}: ${actual.error.message}` });
    } else if (actual.value.kind === 'missing') {
      findings.push({ severity: 'errore', code: 'valore-mancante', cell: input.addresses?.value ?? '', message: `${name}: consuntivo mancante, indicatore non misurabile.` });
    } else {
      const o = overshooting(target.value, actual.value, profile);
      if (!o.ok) {
        findings.push({ severity: 'errore', code: 'valore-incompatibile', cell: input.addresses?.value ?? '', message: `${name}: ${o.error.message}` });
      } else {
        lines.push({ input, outcome: o.value });
        if (input.printed !== undefined) {
          const checks = [
            compareFigure(name, 'grado di raggiungimento', input.printed.grado, o.value.achievement, input.addresses?.grado, d),
            compareFigure(name, 'valore vs target', input.printed.valueVsTarget, o.value.valueVsTarget, input.addresses?.valueVsTarget, d),
            compareFigure(name, 'overshooting', input.printed.overshooting, o.value.overshooting, input.addresses?.overshooting, d),
          ];
          for (const f of checks) if (f !== undefined) findings.push(f);
        }
        continue;
      }
    }
    lines.push({ input, outcome: null });
  }
  const measuredLines = lines.filter((l) => l.outcome !== null);
  const flaggedLines = measuredLines.filter((l) => l.outcome?.flagged === true);
  const byTipo: Record<string, number> = {};
  for (const l of flaggedLines) {
    const tipo = l.input.tipo === '' ? 'Non indicato' : l.input.tipo;
    byTipo[tipo] = (byTipo[tipo] ?? 0) + 1;
  }
  const total = measuredLines.length;
  return {
    total,
    flagged: flaggedLines.length,
    share: total === 0 ? new Dec(0) : new Dec(flaggedLines.length).div(total),
    external: flaggedLines.filter((l) => l.input.external).length,
    byTipo,
    lines,
    findings,
  };
}
