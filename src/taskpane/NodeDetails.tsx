import { Body1, Card, Link, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { capitalised, nodeTitle, type Change, type EvaluatedNode, type NodeId, type SmvpProfile } from '../engine';
import { NodeLosses } from './NodeLosses';
import { SemaphoreBadge, semaphoreWord } from './Semaphore';
import type { Strings } from './strings';
import { cellOf, depthOf, figurePair, figureText, indicatorReadings, nameAndLabel, sheetRowOf, type FigureChange } from './tree-model';
import { WhatIfEditor } from './WhatIfEditor';

const useStyles = makeStyles({
  figure: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  tried: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  readonly strings: Strings;
  readonly profile: SmvpProfile;
  readonly id: NodeId;
  readonly node: EvaluatedNode;
  readonly idOf: ReadonlyMap<EvaluatedNode, NodeId>;
  readonly change: FigureChange | undefined;
  readonly tried: Change | undefined;
  readonly onShow: (id: NodeId) => void;
  readonly onSelectCell: (cell: string) => void;
  readonly onTry: (change: Change | null) => void;
  /** False on a scorecard: its OS take the Ente's grado, which a what-if on the card cannot recompute. */
  readonly canTry: boolean;
}

/** The selected node: its figure (and its what-if one), its row, its biggest losses and the what-if fields. */
export function NodeDetails({ strings, profile, id, node, idOf, change, tried, onShow, onSelectCell, onTry, canTry }: Props) {
  const styles = useStyles();
  const { name } = nameAndLabel(node.row);
  const cell = cellOf(node.row);
  const row = sheetRowOf(node.row);
  const readings = indicatorReadings(node);
  const pair = change === undefined ? null : figurePair(change.before, change.after, profile, strings.notComputable);
  return (
    <Card aria-label={name}>
      <Subtitle2 as="h3">{capitalised(nodeTitle(node.row))}</Subtitle2>
      <div className={styles.figure}>
        <Body1>
          <strong>{figureText(node.achievement, profile, strings.notComputable)}</strong>
        </Body1>
        <SemaphoreBadge achievement={node.achievement} profile={profile} strings={strings} />
        {pair !== null && change !== undefined && (
          <Body1 className={styles.tried}>{strings.figurePair(pair[0], pair[1], semaphoreWord(change.after, profile, strings))}</Body1>
        )}
        {cell !== null && row !== null && (
          <Link as="button" onClick={() => onSelectCell(cell)}>
            {strings.goToRow(row)}
          </Link>
        )}
      </div>
      {readings.target !== null && (
        <Body1>
          {strings.indicatorTarget}: {readings.target}
          {readings.value !== null && ` · ${strings.indicatorValue}: ${readings.value}`}
        </Body1>
      )}
      {node.indicator === undefined && <NodeLosses strings={strings} profile={profile} node={node} idOf={idOf} onShow={onShow} />}
      {canTry ? (
        <WhatIfEditor key={`${id}:${JSON.stringify(tried ?? null)}`} strings={strings} node={node} name={name} isRoot={depthOf(id) === 0} current={tried} onTry={onTry} />
      ) : (
        <Body1>{strings.whatIfNotOnCards}</Body1>
      )}
    </Card>
  );
}
