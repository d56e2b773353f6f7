import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatPercent, parseFractionCell, profileFromJson, type Dec, type ProfileProblem, type SmvpProfile, type SuggestionMethod } from '../engine';
import type { PaneSession } from './session';
import type { Strings } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Draft {
  green: string;
  red: string;
  tolerance: string;
  weightTolerance: string;
  deadline: 'zero' | 'linear';
  days: string;
  missing: 'exclude' | 'zero';
  decimals: string;
  suggested: SuggestionMethod;
}

/** Percentages with every decimal the profile has, so saving an untouched field changes nothing. */
const percent = (d: Dec) => formatPercent(d, Math.max(2, d.decimalPlaces() - 2));

function draftOf(p: SmvpProfile): Draft {
  return {
    green: percent(p.semaphore.green),
    red: percent(p.semaphore.red),
    tolerance: percent(p.overshootingTolerance),
    weightTolerance: percent(p.weightTolerance),
    deadline: p.deadline.rule,
    days: p.deadline.rule === 'linear' ? String(p.deadline.days) : '30',
    missing: p.missingValue,
    decimals: String(p.displayDecimals),
    suggested: p.suggestedTarget,
  };
}

type PercentField = 'green' | 'red' | 'tolerance' | 'weightTolerance';

/** Where each field of the form goes in the profile's JSON: problems are named by these paths. */
const PATHS: Readonly<Record<PercentField | 'days' | 'decimals', string>> = {
  green: 'semaphore.green',
  red: 'semaphore.red',
  tolerance: 'overshootingTolerance',
  weightTolerance: 'weightTolerance',
  days: 'deadline.days',
  decimals: 'displayDecimals',
};

/** Whether a field has a problem: at its path or above it (one on `semaphore` concerns both thresholds). */
const fieldHas = (field: keyof typeof PATHS, problems: readonly ProfileProblem[]) =>
  problems.some((p) => PATHS[field] === p.path || PATHS[field].startsWith(`${p.path}.`));

/** An integer field as typed unless a plain integer, so the reader names what is wrong with it. */
function typedInteger(typed: string): number | string {
  const t = typed.trim();
  return /^\d+$/.test(t) ? Number(t) : t;
}

/**
 * The draft as a profile, checked by the engine's own reader as a whole: the profile, or every problem
 * with its path. A percentage the pane cannot read is left out of the JSON, so the rest is still checked.
 */
function checkDraft(d: Draft, base: SmvpProfile, strings: Strings): { ok: true; value: SmvpProfile } | { ok: false; errors: readonly ProfileProblem[] } {
  const labels: Record<PercentField, string> = { green: strings.green, red: strings.red, tolerance: strings.tolerance, weightTolerance: strings.weightTolerance };
  const unreadable: ProfileProblem[] = [];
  const read: Partial<Record<PercentField, string>> = {};
  for (const key of ['green', 'red', 'tolerance', 'weightTolerance'] as const) {
    const f = parseFractionCell(d[key], labels[key]);
    if (f.ok) read[key] = f.value.toFixed();
    else unreadable.push({ path: PATHS[key], message: strings.invalidRule(labels[key]) });
  }
  const result = profileFromJson(
    {
      semaphore: { green: read.green, red: read.red },
      overshootingTolerance: read.tolerance,
      weightTolerance: read.weightTolerance,
      deadline: d.deadline === 'zero' ? { rule: 'zero' } : { rule: 'linear', days: typedInteger(d.days) },
      missingValue: d.missing,
      displayDecimals: typedInteger(d.decimals),
      suggestedTarget: d.suggested,
    },
    base,
  );
  // A problem over an unreadable field (`semaphore` over `semaphore.green`) compares a value nobody typed.
  const checkedErrors = result.ok ? [] : result.errors.filter((e) => !unreadable.some((u) => u.path.startsWith(`${e.path}.`)));
  const errors = [...unreadable, ...checkedErrors];
  return result.ok && errors.length === 0 ? result : { ok: false, errors };
}

export function RulesTab({ strings, session, profile, busy }: { readonly strings: Strings; readonly session: PaneSession; readonly profile: SmvpProfile; readonly busy: boolean }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const edit = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  // Checked on every edit: the problems show while typing, and an invalid profile cannot be saved.
  const checked = checkDraft(draft, profile, strings);
  const errors = checked.ok ? [] : checked.errors;
  const save = () => {
    if (checked.ok) void session.saveProfile(checked.value);
  };
  const flagged = (key: keyof typeof PATHS) => (fieldHas(key, errors) ? 'error' : 'none');
  const text = (key: PercentField, label: string) => (
    <Field label={label} validationState={flagged(key)}>
      <Input value={draft[key]} onChange={(_e, d) => edit({ [key]: d.value })} />
    </Field>
  );
  /** A select over a rule's options; the first option stands for anything unexpected. */
  const choice = <K extends 'deadline' | 'missing' | 'suggested'>(key: K, label: string, options: ReadonlyArray<readonly [Draft[K], string]>) => (
    <Field label={label}>
      <Select value={draft[key]} onChange={(_e, d) => edit({ [key]: options.find(([v]) => v === d.value)?.[0] ?? options[0][0] })}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()}>
      <Body1>
        {strings.profile}: {profile.name}
      </Body1>
      <Caption1>{strings.rulesHint}</Caption1>
      {text('green', strings.green)}
      {text('red', strings.red)}
      {text('tolerance', strings.tolerance)}
      {text('weightTolerance', strings.weightTolerance)}
      {choice('deadline', strings.deadline, [
        ['zero', strings.deadlineZero],
        ['linear', strings.deadlineLinear],
      ])}
      {draft.deadline === 'linear' && (
        <Field label={strings.deadlineDays} validationState={flagged('days')}>
          <Input type="number" min={1} value={draft.days} onChange={(_e, d) => edit({ days: d.value })} />
        </Field>
      )}
      {choice('missing', strings.missing, [
        ['exclude', strings.missingExclude],
        ['zero', strings.missingZero],
      ])}
      <Field label={strings.displayDecimals} validationState={flagged('decimals')}>
        <Input type="number" min={0} value={draft.decimals} onChange={(_e, d) => edit({ decimals: d.value })} />
      </Field>
      {choice('suggested', strings.suggestedTarget, [
        ['ultimo', strings.suggestedLast],
        ['media', strings.suggestedMean],
      ])}
      {errors.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            {strings.rulesInvalid}
            <ul aria-label={strings.rulesInvalid}>
              {errors.map((e) => (
                <li key={`${e.path} ${e.message}`}>
                  {e.path}: {e.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !checked.ok} onClick={save}>
          {strings.save}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            void session.resetProfile();
          }}
        >
          {strings.reset}
        </Button>
      </div>
    </form>
  );
}
