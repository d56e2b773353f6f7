import { Body1, Button, Caption1, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatPercent, parseFractionCell, profileFromJson, type SmvpProfile } from '../engine';
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
}

function draftOf(p: SmvpProfile): Draft {
  return {
    green: formatPercent(p.semaphore.green),
    red: formatPercent(p.semaphore.red),
    tolerance: formatPercent(p.overshootingTolerance),
    weightTolerance: formatPercent(p.weightTolerance),
    deadline: p.deadline.rule,
    days: p.deadline.rule === 'linear' ? String(p.deadline.days) : '30',
    missing: p.missingValue,
  };
}

/** The draft as a profile, checked by the engine's own reader; a message says what is wrong. */
function profileOf(d: Draft, base: SmvpProfile, strings: Strings): { profile: SmvpProfile } | { problem: string } {
  const fractions: Array<[keyof Draft, string]> = [
    ['green', strings.green],
    ['red', strings.red],
    ['tolerance', strings.tolerance],
    ['weightTolerance', strings.weightTolerance],
  ];
  const read: Record<string, string> = {};
  for (const [key, label] of fractions) {
    const f = parseFractionCell(d[key], label);
    if (!f.ok) return { problem: strings.invalidRule(label) };
    read[key] = f.value.toString();
  }
  const days = Number(d.days);
  const json = {
    name: base.name,
    semaphore: { green: read.green, red: read.red },
    overshootingTolerance: read.tolerance,
    weightTolerance: read.weightTolerance,
    deadline: d.deadline === 'zero' ? { rule: 'zero' } : { rule: 'linear', days },
    missingValue: d.missing,
    displayDecimals: base.displayDecimals,
  };
  const profile = profileFromJson(json, base);
  return profile.ok ? { profile: profile.value } : { problem: profile.error.message };
}

export function RulesTab({ strings, session, profile, busy }: { readonly strings: Strings; readonly session: PaneSession; readonly profile: SmvpProfile; readonly busy: boolean }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [problem, setProblem] = useState<string | null>(null);
  const edit = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = () => {
    const result = profileOf(draft, profile, strings);
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    void session.saveProfile(result.profile);
  };
  const text = (key: 'green' | 'red' | 'tolerance' | 'weightTolerance', label: string) => (
    <Field label={label}>
      <Input value={draft[key]} onChange={(_e, d) => edit({ [key]: d.value })} />
    </Field>
  );
  /** A select over a rule's options; the first option stands for anything unexpected. */
  const choice = <K extends 'deadline' | 'missing'>(key: K, label: string, options: ReadonlyArray<readonly [Draft[K], string]>) => (
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
        <Field label={strings.deadlineDays}>
          <Input type="number" min={1} value={draft.days} onChange={(_e, d) => edit({ days: d.value })} />
        </Field>
      )}
      {choice('missing', strings.missing, [
        ['exclude', strings.missingExclude],
        ['zero', strings.missingZero],
      ])}
      <Field validationState={problem === null ? 'none' : 'error'} validationMessage={problem ?? undefined}>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy} onClick={save}>
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
      </Field>
    </form>
  );
}
