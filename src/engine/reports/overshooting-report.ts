import {
  Dec, DEFAULT_PROFILE, finding, formatPercentPair, ok, readingFindingCode, type Finding, type Result,
  type SmvpProfile,
} from '../core';
import {
  ambiguousUnitFinding, parseActual, parseTarget, readAgainstTarget, readMeasures, type Actual,
  type CellInput, type Target,
} from '../cells';
import { overshooting, type OvershootingOutcome } from '../rules';
import { contains, printedBounds, rowNameInMessage, unreadableMeasuresFinding, valueVsMeasuresFinding } from '../trees';
import type { AnnexInput } from '../sheets';

export interface AnnexLine {
  readonly input: AnnexInput;
  /** null when target or value cannot be read (a finding says why). */
  readonly outcome: OvershootingOutcome | null;
}

export interface OvershootingReport {
  /** Indicators whose grado could be computed (readable target and value). */
  readonly total: number;
  readonly flagged: number;
  readonly share: Dec;
  readonly external: number;
  /** Flagged indicators by TIPO, in order of appearance; an object without prototype (keys are user text). */
  readonly byTipo: Readonly<Record<string, number>>;
  readonly lines: readonly AnnexLine[];
  readonly findings: readonly Finding[];
}

function compareFigure(name: string, what: string, printed: CellInput, computed: Dec, cell: string | undefined, d: number): Finding | undefined {
  const p = parseActual(printed);
  if (!p.ok || p.value.kind !== 'quantity') return undefined;
  if (contains(printedBounds(p.value), computed)) return undefined;
  const shown = formatPercentPair(p.value.amount, computed, d);
  return finding('overshooting-diverso', cell, `${name}: ${what} stampato ${shown[0]}, ricalcolato ${shown[1]}. Verificare target, consuntivo e valori misure.`, {
    stated: p.value.amount,
    computed,
  });
}

/** Whether a figure survives as a double, as the sheet's cells and the JSON carry it: 1e308 / 1e-300 does not. */
export function fitsDouble(d: Dec): boolean {
  return Number.isFinite(d.toNumber());
}

/** What the sheet shows for a figure that does not fit a double; a finding says why. */
export const UNREPRESENTABLE = 'non rappresentabile';

interface ActualReading {
  readonly actual: Result<Actual>;
  readonly unitGuessed: boolean;
  /** What the reading itself has to say: unreadable or contradicted measures, a guessed unit. */
  readonly findings: readonly Finding[];
}

/**
 * The annex's consuntivo: from the measures when they are readable, else the printed value, whose
 * unit may have to be guessed against the target. Each of these is said as a tree report says it.
 */
function readActual(input: AnnexInput, target: Target, name: string): ActualReading {
  const at = input.addresses ?? {};
  const stated = parseActual(input.value);
  const measured = readMeasures(input.measures);
  if (measured?.ok === true) {
    const disagreement = valueVsMeasuresFinding(name, at.value, stated, measured);
    return { actual: measured, unitGuessed: false, findings: disagreement === undefined ? [] : [disagreement] };
  }
  // An annex built without the measures' address (a tree's lines) points at the value used instead.
  const findings = measured === undefined ? [] : [unreadableMeasuresFinding(name, at.measures ?? at.value, measured.error)];
  if (!stated.ok) return { actual: stated, unitGuessed: false, findings };
  const reading = readAgainstTarget(target, stated.value);
  if (reading.guess === undefined) return { actual: ok(reading.actual), unitGuessed: false, findings };
  return { actual: ok(reading.actual), unitGuessed: true, findings: [ambiguousUnitFinding(name, at.value, reading.actual), ...findings] };
}

/** A figure no sheet or JSON can hold: an errore, since only a mistyped consuntivo or target makes one. */
function unrepresentable(name: string, cell: string | undefined, o: OvershootingOutcome): Finding[] {
  const figures = [o.achievement, o.valueVsTarget, o.overshooting, o.ratio, o.excess];
  if (figures.every((f) => f === null || fitsDouble(f))) return [];
  return [finding('valore-incompatibile', cell, `${name}: il rapporto tra consuntivo e target supera il massimo numero rappresentabile in un foglio di calcolo (circa 1,8·10^308); nel foglio Overshooting è scritto «${UNREPRESENTABLE}». Verificare consuntivo e target.`)];
}

/** Recomputes one indicator; a reason it cannot be computed is a finding. */
function recompute(input: AnnexInput, profile: SmvpProfile): { outcome: OvershootingOutcome | null; findings: Finding[] } {
  const name = rowNameInMessage(input);
  const at = input.addresses ?? {};
  const target = input.reading?.target ?? parseTarget(input.target);
  if (!target.ok) return { outcome: null, findings: [finding(readingFindingCode(target.error, 'target-illeggibile'), at.target, `Target di ${name}: ${target.error.message}`)] };
  // A tree's own validation already said what its readings had to say.
  const read: ActualReading = input.reading === undefined ? readActual(input, target.value, name) : { ...input.reading, findings: [] };
  const { actual } = read;
  const failed = (f: Finding) => ({ outcome: null, findings: [...read.findings, f] });
  if (!actual.ok) return failed(finding(readingFindingCode(actual.error, 'valore-illeggibile'), at.value, `Consuntivo di ${name}: ${actual.error.message}`));
  if (actual.value.kind === 'missing') return failed(finding('valore-mancante', at.value, `${name}: consuntivo mancante, indicatore non misurabile.`));
  const o = overshooting(target.value, actual.value, profile, !read.unitGuessed);
  if (!o.ok) return failed(finding('valore-incompatibile', at.value, `${name}: ${o.error.message}`));
  const d = profile.displayDecimals;
  const printed = input.printed;
  // With a guessed unit the overshooting is not evaluated (its avviso says so): only the grado is checked.
  const checks =
    printed === undefined
      ? []
      : [
          compareFigure(name, 'grado di raggiungimento', printed.grado, o.value.achievement, at.grado, d),
          ...(read.unitGuessed
            ? []
            : [
                compareFigure(name, 'valore vs target', printed.valueVsTarget, o.value.valueVsTarget, at.valueVsTarget, d),
                compareFigure(name, 'overshooting', printed.overshooting, o.value.overshooting, at.overshooting, d),
              ]),
        ];
  return { outcome: o.value, findings: [...read.findings, ...unrepresentable(name, at.value, o.value), ...checks.filter((f): f is Finding => f !== undefined)] };
}

/** The Tipo of an indicator whose report names none (every line of an Ente or unit report). */
export const NO_TIPO = 'Non indicato';

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
  // No prototype: a TIPO named «constructor» or «__proto__» is a key like any other.
  const byTipo: Record<string, number> = Object.create(null);
  for (const l of flaggedLines) {
    const tipo = l.input.tipo === '' ? NO_TIPO : l.input.tipo;
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
