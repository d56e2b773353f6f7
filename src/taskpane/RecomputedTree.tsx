import { Caption1, Tree, TreeItem, TreeItemLayout, makeStyles, mergeClasses, tokens, type TreeItemValue } from '@fluentui/react-components';
import type { EvaluatedNode, NodeId, SmvpProfile } from '../engine';
import { SemaphoreBadge, semaphoreWord } from './Semaphore';
import type { Strings } from './strings';
import { figurePair, figureText, nameAndLabel, type FigureChange } from './tree-model';

const useStyles = makeStyles({
  // The label gives way to the figure in a narrow pane: it shrinks and ends in an ellipsis.
  mainSlot: { flexGrow: 1, minWidth: 0, overflow: 'hidden' },
  asideSlot: { flexShrink: 0 },
  main: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { display: 'flex', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  code: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  aside: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  tried: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface TreeProps {
  readonly strings: Strings;
  readonly profile: SmvpProfile;
  readonly roots: readonly EvaluatedNode[];
  readonly open: ReadonlySet<NodeId>;
  readonly onOpenChange: (open: ReadonlySet<NodeId>) => void;
  readonly selected: NodeId;
  /** A node clicked (or Enter on it): shown below the tree, its row selected in Excel. */
  readonly onActivate: (id: NodeId) => void;
  /** The what-if figures that differ from the official ones. */
  readonly changed: ReadonlyMap<NodeId, FigureChange>;
}

/** The recomputed tree, expandable, each node with its code, label, figure and semaphore. */
export function RecomputedTree(props: TreeProps) {
  const { strings, roots, open, onOpenChange } = props;
  return (
    <Tree
      aria-label={strings.treeTitle}
      size="small"
      openItems={[...open]}
      onOpenChange={(_e, d) => onOpenChange(new Set([...d.openItems].map(String)))}
    >
      {roots.map((root, i) => (
        <NodeItem key={i} {...props} id={String(i)} node={root} />
      ))}
    </Tree>
  );
}

function NodeItem(props: TreeProps & { readonly id: NodeId; readonly node: EvaluatedNode }) {
  const { id, node, strings, profile, selected, onActivate, changed, open } = props;
  const styles = useStyles();
  const { name, label } = nameAndLabel(node.row);
  const figure = figureText(node.achievement, profile, strings.notComputable);
  const change = changed.get(id);
  const pair = change === undefined ? null : figurePair(change.before, change.after, profile, strings.notComputable);
  const triedText = pair === null || change === undefined ? '' : strings.figurePair(pair[0], pair[1], semaphoreWord(change.after, profile, strings));
  const branch = node.children.length > 0;
  return (
    <TreeItem
      itemType={branch ? 'branch' : 'leaf'}
      value={id as TreeItemValue}
      aria-label={strings.nodeName(name, label, triedText === '' ? figure : triedText, triedText === '' ? semaphoreWord(node.achievement, profile, strings) : '')}
      aria-current={selected === id ? 'true' : undefined}
      onClick={() => onActivate(id)}
    >
      <TreeItemLayout
        className={mergeClasses(selected === id && styles.selected)}
        main={{ className: styles.mainSlot }}
        aside={{
          className: styles.asideSlot,
          children: (
            <span className={styles.aside}>
              {figure}
              <SemaphoreBadge achievement={node.achievement} profile={profile} strings={strings} />
            </span>
          ),
        }}
      >
        <span className={styles.main}>
          <span className={styles.title} title={node.row.label}>
            <span className={styles.code}>{name}</span>
            {label !== '' && <span className={styles.label}>{label}</span>}
          </span>
          {triedText !== '' && <Caption1 className={styles.tried}>{triedText}</Caption1>}
        </span>
      </TreeItemLayout>
      {branch && open.has(id) && (
        <Tree>
          {node.children.map((child, i) => (
            <NodeItem key={i} {...props} id={`${id}.${i}`} node={child} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}
