import { Body1, Button, Caption1, Card, Link, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Change, EvaluatedNode, NodeId, SmvpProfile } from '../engine';
import { semaphoreWord } from './Semaphore';
import type { Strings } from './strings';
import { figurePair, nameAndLabel, unreadableOf, type WhatIfOutcome } from './tree-model';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalXS },
  tried: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  readonly strings: Strings;
  readonly profile: SmvpProfile;
  readonly ids: ReadonlyMap<NodeId, EvaluatedNode>;
  readonly changes: ReadonlyMap<NodeId, Change>;
  readonly outcome: WhatIfOutcome;
  readonly onShow: (id: NodeId) => void;
  readonly onRemove: (id: NodeId) => void;
  readonly onReset: () => void;
}

const FIELDS = ['value', 'target', 'weight'] as const;

/** The changes being tried, the figures they change beside the official ones, and «Ripristina». */
export function WhatIfSummary({ strings, profile, ids, changes, outcome, onShow, onRemove, onReset }: Props) {
  const styles = useStyles();
  const nameOf = (id: NodeId) => nameAndLabel(ids.get(id)?.row ?? { code: id, label: '', level: 'indicatore' }).name;
  return (
    <Card aria-label={strings.whatIfChanges}>
      <Caption1>{strings.whatIfActive}</Caption1>
      <Subtitle2 as="h3">{strings.whatIfChanges}</Subtitle2>
      <ul className={styles.list} aria-label={strings.whatIfChanges}>
        {[...changes].map(([id, change]) => {
          const name = nameOf(id);
          const tried = outcome.ok ? outcome.ids.get(id) : undefined;
          const unreadable = tried === undefined ? null : unreadableOf(tried);
          return (
            <li key={id} className={styles.item}>
              <Body1>
                {name}: {FIELDS.filter((f) => change[f] !== undefined).map((f) => `${strings.whatIfFieldNames[f]} «${change[f]}»`).join(', ')}
              </Body1>
              {unreadable !== null && (
                <Caption1>{unreadable.field === 'weight' ? strings.whatIfWeightUnreadable(unreadable.message) : strings.whatIfUnreadable(unreadable.message)}</Caption1>
              )}
              <Button size="small" appearance="subtle" aria-label={strings.whatIfRemove(name)} onClick={() => onRemove(id)}>
                ✕
              </Button>
            </li>
          );
        })}
      </ul>
      {outcome.ok ? (
        <>
          <Subtitle2 as="h3">{strings.whatIfEffects}</Subtitle2>
          {outcome.changed.size === 0 ? (
            <Body1>{strings.whatIfNoEffect}</Body1>
          ) : (
            <ul className={styles.list} aria-label={strings.whatIfEffects}>
              {[...outcome.changed].map(([id, c]) => {
                const [before, after] = figurePair(c.before, c.after, profile, strings.notComputable);
                const name = nameOf(id);
                return (
                  <li key={id} className={styles.item}>
                    <Link as="button" aria-label={strings.showInTree(name)} onClick={() => onShow(id)}>
                      {name}
                    </Link>
                    <Body1 className={styles.tried}>{strings.figurePair(before, after, semaphoreWord(c.after, profile, strings))}</Body1>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : (
        <MessageBar intent="error">
          <MessageBarBody>{strings.whatIfFailed(outcome.message)}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button aria-label={strings.whatIfResetLabel} onClick={onReset}>
          {strings.whatIfReset}
        </Button>
      </div>
    </Card>
  );
}
