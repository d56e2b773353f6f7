import { Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatPercent, type Change, type EvaluatedNode } from '../engine';
import type { Strings } from './strings';
import { changeOf, indicatorReadings, type ChangeDraft } from './tree-model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Props {
  readonly strings: Strings;
  readonly node: EvaluatedNode;
  readonly name: string;
  /** Whether the node is a root: a root has no weight among siblings. */
  readonly isRoot: boolean;
  /** The change already tried on this node, to edit it. */
  readonly current: Change | undefined;
  readonly onTry: (change: Change | null) => void;
}

/**
 * Fields to try another value, target (indicators) or weight (any node below a root) on one node,
 * typed as in the cell; the engine reads them as it reads the sheet. The workbook is never written.
 */
export function WhatIfEditor({ strings, node, name, isRoot, current, onTry }: Props) {
  const styles = useStyles();
  const isIndicator = node.indicator !== undefined;
  const [draft, setDraft] = useState<ChangeDraft>({ value: current?.value ?? '', target: current?.target ?? '', weight: current?.weight ?? '' });
  if (!isIndicator && isRoot) return null;
  const readings = indicatorReadings(node);
  const weight = node.weight?.ok === true ? formatPercent(node.weight.value) : undefined;
  const field = (key: keyof ChangeDraft, placeholder: string | null | undefined) => (
    <Field label={strings.whatIfFields[key]}>
      <Input value={draft[key]} placeholder={placeholder ?? undefined} onChange={(_e, d) => setDraft((x) => ({ ...x, [key]: d.value }))} />
    </Field>
  );
  return (
    <form
      className={styles.form}
      aria-label={strings.whatIf}
      onSubmit={(e) => {
        e.preventDefault();
        onTry(changeOf(draft));
      }}
    >
      <Subtitle2 as="h4">{strings.whatIf}</Subtitle2>
      <Caption1>{strings.whatIfHint}</Caption1>
      {isIndicator && field('value', readings.value)}
      {isIndicator && field('target', readings.target)}
      {!isRoot && field('weight', weight)}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" aria-label={strings.whatIfApplyLabel(name)}>
          {strings.whatIfApply}
        </Button>
      </div>
    </form>
  );
}
