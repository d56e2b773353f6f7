import { Body1, Caption1, Subtitle2 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { LAYOUT_NAMES, nodeIds, type Change, type EvaluatedNode, type NodeId, type SheetReport, type SmvpProfile } from '../engine';
import { NodeDetails } from './NodeDetails';
import { RecomputedTree } from './RecomputedTree';
import type { PaneSession } from './session';
import type { Strings } from './strings';
import { ancestorsOf, cellOf, openByDefault, tryWhatIf, type FigureChange } from './tree-model';
import { WhatIfSummary } from './WhatIfSummary';
import { YearAtAGlance } from './YearAtAGlance';

interface Props {
  readonly strings: Strings;
  readonly session: PaneSession;
  readonly report: SheetReport;
  readonly profile: SmvpProfile;
  readonly changes: ReadonlyMap<NodeId, Change>;
}

/** The «Albero» tab: the year at a glance, then the recomputed tree that explains itself and takes a what-if. */
export function TreeTab({ strings, session, report, profile, changes }: Props) {
  return (
    <>
      <YearAtAGlance strings={strings} report={report} profile={profile} />
      {report.roots.length === 0 ? (
        <Body1>{strings.noTree(report.name, report.layout === null ? null : LAYOUT_NAMES[report.layout])}</Body1>
      ) : (
        <TreeExplorer strings={strings} session={session} report={report} profile={profile} changes={changes} />
      )}
    </>
  );
}

/** What the user opened and selected in one report's tree. */
interface View {
  readonly of: SheetReport;
  readonly open: ReadonlySet<NodeId>;
  readonly selected: NodeId;
}

const NONE_CHANGED: ReadonlyMap<NodeId, FigureChange> = new Map();

const viewOf = (report: SheetReport, ids: ReadonlyMap<NodeId, EvaluatedNode>): View => ({ of: report, open: new Set(openByDefault(ids)), selected: '0' });

function TreeExplorer({ strings, session, report, profile, changes }: Props) {
  const ids = useMemo(() => nodeIds(report.roots), [report]);
  const idOf = useMemo(() => new Map([...ids].map(([id, node]) => [node, id])), [ids]);
  const [stored, setView] = useState<View>(() => viewOf(report, ids));
  // A new validation (ribbon Valida while the tab is open) starts from the default view: its ids may name other rows.
  const view = stored.of === report ? stored : viewOf(report, ids);
  const update = (patch: (v: View) => Partial<View>) =>
    setView((s) => {
      const base = s.of === report ? s : viewOf(report, ids);
      return { ...base, ...patch(base) };
    });
  const outcome = useMemo(() => (changes.size === 0 ? null : tryWhatIf(report.roots, ids, changes, profile)), [report, ids, changes, profile]);
  const changed: ReadonlyMap<NodeId, FigureChange> = outcome?.ok === true ? outcome.changed : NONE_CHANGED;
  const selected = ids.get(view.selected);
  /** Selects a node in the pane, its ancestors opened so it shows in the tree (from the lists, where Excel stays put). */
  const show = (id: NodeId) => update((v) => ({ selected: id, open: new Set([...v.open, ...ancestorsOf(id)]) }));
  /** A click in the tree: the node in the pane, and its row in Excel. */
  const activate = (id: NodeId) => {
    update(() => ({ selected: id }));
    const node = ids.get(id);
    const cell = node === undefined ? null : cellOf(node.row);
    if (cell !== null) void session.select(cell);
  };
  return (
    <>
      <Subtitle2 as="h2">{strings.treeTitle}</Subtitle2>
      <Caption1>{strings.treeHint}</Caption1>
      <RecomputedTree
        strings={strings}
        profile={profile}
        roots={report.roots}
        open={view.open}
        onOpenChange={(open) => update(() => ({ open }))}
        selected={view.selected}
        onActivate={activate}
        changed={changed}
      />
      {selected !== undefined && (
        <NodeDetails
          strings={strings}
          profile={profile}
          id={view.selected}
          node={selected}
          idOf={idOf}
          change={changed.get(view.selected)}
          tried={changes.get(view.selected)}
          onShow={show}
          onSelectCell={(cell) => void session.select(cell)}
          onTry={(change) => session.tryChange(view.selected, change)}
          canTry={report.layout !== 'schede'}
        />
      )}
      {outcome !== null && (
        <WhatIfSummary
          strings={strings}
          profile={profile}
          ids={ids}
          changes={changes}
          outcome={outcome}
          onShow={show}
          onRemove={(id) => session.tryChange(id, null)}
          onReset={() => session.clearChanges()}
        />
      )}
    </>
  );
}
