import {
  Body1, Button, Caption1, Link, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import { explain, explanationText, formatPercent, points, type Contribution, type EvaluatedNode, type NodeId, type SmvpProfile } from '../engine';
import type { Strings } from './strings';
import { nameAndLabel } from './tree-model';

/** Indicators listed among the costliest; the sentence names the first three and sums the others. */
const COSTLIEST = 5;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  sentence: { margin: 0, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  copy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
  // Columns as wide as their figures: the pane is narrow, and fixed columns cut the headers.
  table: { tableLayout: 'auto' },
});

interface Props {
  readonly strings: Strings;
  readonly profile: SmvpProfile;
  readonly node: EvaluatedNode;
  readonly idOf: ReadonlyMap<EvaluatedNode, NodeId>;
  /** Shows a node named in the lists in the tree. */
  readonly onShow: (id: NodeId) => void;
}

/** Why a node scores what it scores: its parts and the indicators that cost it most, what was left out, the sentence for the Relazione. */
export function NodeLosses({ strings, profile, node, idOf, onShow }: Props) {
  const styles = useStyles();
  const e = explain(node, profile);
  const costliest = e.indicators.filter((c) => !c.loss.isZero()).slice(0, COSTLIEST);
  const title = nameAndLabel(node.row).name;
  const named = (n: EvaluatedNode) => {
    const id = idOf.get(n);
    const { name } = nameAndLabel(n.row);
    return id === undefined ? name : (
      <Link as="button" aria-label={strings.showInTree(name)} onClick={() => onShow(id)}>
        {name}
      </Link>
    );
  };
  return (
    <section className={styles.section} aria-label={strings.lossesOf(title)}>
      <Subtitle2 as="h4">{strings.losses}</Subtitle2>
      {e.children.length > 0 && <Parts strings={strings} profile={profile} parts={e.children} named={named} />}
      {e.gap !== null && (costliest.length === 0 ? <Body1>{strings.noLoss}</Body1> : <Costliest strings={strings} profile={profile} costliest={costliest} named={named} />)}
      {e.indicatorsLeftOut.length > 0 && (
        <>
          <Caption1>{strings.leftOut}</Caption1>
          <ul className={styles.list} aria-label={strings.leftOut}>
            {e.indicatorsLeftOut.map((l, i) => (
              <li key={i}>
                <Body1>
                  {named(l.node)}: {strings.leftOutReasons[l.reason]}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
      <Sentence strings={strings} text={explanationText(e, profile)} />
    </section>
  );
}

type Named = (node: EvaluatedNode) => ReactNode;

function achievementOf(c: Contribution, profile: SmvpProfile, strings: Strings): string {
  return c.countedAsZero ? strings.countedAsZero : formatPercent(c.achievement, profile.displayDecimals);
}

/** The children in the node's mean: each one's share of the node, its figure and the points it takes away. */
function Parts({ strings, profile, parts, named }: { readonly strings: Strings; readonly profile: SmvpProfile; readonly parts: readonly Contribution[]; readonly named: Named }) {
  const styles = useStyles();
  return (
    <Table size="extra-small" className={styles.table} aria-label={strings.parts}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{strings.part}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{strings.share}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{strings.achievement}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{strings.lost}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {parts.map((c, i) => (
          <TableRow key={i}>
            <TableCell>{named(c.node)}</TableCell>
            <TableCell className={styles.number}>{formatPercent(c.share, profile.displayDecimals)}</TableCell>
            <TableCell className={styles.number}>{achievementOf(c, profile, strings)}</TableCell>
            <TableCell className={styles.number}>{points(c.loss)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The indicators below the node that cost it the most points. */
function Costliest({ strings, profile, costliest, named }: { readonly strings: Strings; readonly profile: SmvpProfile; readonly costliest: readonly Contribution[]; readonly named: Named }) {
  const styles = useStyles();
  return (
    <>
      <Caption1>{strings.costliest}</Caption1>
      <ol className={styles.list} aria-label={strings.costliest}>
        {costliest.map((c, i) => (
          <li key={i}>
            <Body1>
              {named(c.node)} ({achievementOf(c, profile, strings)}, {strings.share.toLowerCase()} {formatPercent(c.share, profile.displayDecimals)}): {points(c.loss)}
            </Body1>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The sentence for the Relazione, and a button to copy it; where the clipboard is refused, the text is selected for Ctrl+C. */
function Sentence({ strings, text }: { readonly strings: Strings; readonly text: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLParagraphElement>(null);
  const [copied, setCopied] = useState<{ readonly text: string; readonly how: string } | null>(null);
  const selectText = () => {
    const p = ref.current;
    const selection = window.getSelection();
    if (p !== null && selection !== null) selection.selectAllChildren(p);
    setCopied({ text, how: strings.copySelected });
  };
  const copy = async () => {
    try {
      // Office's webviews may lack the clipboard or refuse it without a permission.
      await navigator.clipboard.writeText(text);
      setCopied({ text, how: strings.copied });
    } catch {
      selectText();
    }
  };
  return (
    <>
      <Caption1>{strings.sentence}</Caption1>
      <p ref={ref} className={styles.sentence} lang="it">
        {text}
      </p>
      <div className={styles.copy}>
        <Button size="small" aria-label={strings.copyLabel} onClick={() => void copy()}>
          {strings.copy}
        </Button>
        {copied !== null && copied.text === text && <Caption1 role="status">{copied.how}</Caption1>}
      </div>
    </>
  );
}
