import { contains, printedBounds } from './bounds';
import type { CellInput } from './cell';
import { Dec } from './decimal';
import type { Finding } from './findings';
import { formatPercent } from './format';
import { evaluateMeasures } from './measures';
import { overshooting, type OvershootingOutcome } from './overshooting';
import { DEFAULT_PROFILE, type SmvpProfile } from './profile';
import { ok, type Result } from './result';
import { parseTarget, type Target } from './target';
import { ambiguousUnitFinding, readAgainstTarget } from './unit-reading';
import { parseActual, type Actual } from './value';

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
  /** Target and actual value already read by a tree's recomputation: not read again. */
  readonly reading?: { readonly target: Result<Target>; readonly actual: Result<Actual>; readonly unitGuessed: boolean };
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

/**
 * The annex's consuntivo: from the measures when they are readable, else the printed value, whose
 * unit may have to be guessed against the target.
 */
function readActual(input: AnnexInput, target: Target): { actual: Result<Actual>; unitGuessed: boolean } {
  const raw = input.measures.value;
  const measured = typeof raw === 'string' && raw.trim() !== '' ? evaluateMeasures(raw) : undefined;
  if (measured !== undefined && measured.ok) return { actual: measured, unitGuessed: false };
  const printed = parseActual(input.value);
  if (!printed.ok) return { actual: printed, unitGuessed: false };
  const reading = readAgainstTarget(target, printed.value);
  return { actual: ok(reading.actual), unitGuessed: reading.guess !== undefined };
}

/** Recomputes one indicator; a reason it cannot be computed is a finding. */
function recompute(input: AnnexInput, profile: SmvpProfile): { outcome: OvershootingOutcome | null; findings: Finding[] } {
  const name = input.code || input.label;
  const error = (code: Finding['code'], cell: string | undefined, message: string) => ({
    outcome: null,
    findings: [{ severity: 'errore' as const, code, cell: cell ?? '', message }],
  });
  const target = input.reading?.target ?? parseTarget(input.target);
  if (!target.ok) return error('target-illeggibile', input.addresses?.target, `Target di ${name}: ${target.error.message}`);
  const read = input.reading ?? readActual(input, target.value);
  const { actual } = read;
  if (!actual.ok) return error('valore-illeggibile', input.addresses?.value, `Consuntivo di ${name}: ${actual.error.message}`);
  if (actual.value.kind === 'missing') return error('valore-mancante', input.addresses?.value, `${name}: consuntivo mancante, indicatore non misurabile.`);
  const o = overshooting(target.value, actual.value, profile, !read.unitGuessed);
  if (!o.ok) return error('valore-incompatibile', input.addresses?.value, `${name}: ${o.error.message}`);
  const d = profile.displayDecimals;
  const printed = input.printed;
  const checks =
    printed === undefined
      ? []
      : [
          compareFigure(name, 'grado di raggiungimento', printed.grado, o.value.achievement, input.addresses?.grado, d),
          compareFigure(name, 'valore vs target', printed.valueVsTarget, o.value.valueVsTarget, input.addresses?.valueVsTarget, d),
          compareFigure(name, 'overshooting', printed.overshooting, o.value.overshooting, input.addresses?.overshooting, d),
        ];
  // A tree's own validation already names a guessed unit; an annex says it here.
  const guessed = input.reading === undefined && read.unitGuessed ? [ambiguousUnitFinding(name, input.addresses?.value, actual.value)] : [];
  return { outcome: o.value, findings: [...guessed, ...checks.filter((f): f is Finding => f !== undefined)] };
}

/** SMVP §5: recomputes every indicator, flags overshooting and summarises as the annex does. */
export function buildOvershootingReport(inputs: readonly AnnexInput[], profile: SmvpProfile = DEFAULT_PROFILE): OvershootingReport {
  const findings: Finding[] = [];
  const lines: AnnexLine[] = [];
  for (const input of inputs) {
    const r = recompute(input, profile);
    lines.push({ input, outcome: r.outcome });
    findings.push(...r.findings);
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
