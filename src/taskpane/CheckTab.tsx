import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Button, Caption1, Card, Checkbox, Input, Link, Subtitle2,
  makeStyles, tokens, type AccordionToggleData,
} from '@fluentui/react-components';
import { useState } from 'react';
import { countBySeverity, Dec, FINDINGS, formatPercent, type Finding, type SheetReport, type Severity } from '../engine';
import type { PaneSession, PaneState } from './session';
import type { Strings } from './strings';

const SEVERITIES: readonly Severity[] = ['errore', 'avviso', 'nota'];
/** Up to this many findings every group is open; beyond it only the errori are, the rest one click away. */
const OPEN_FINDINGS = 10;
const BADGE: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = { errore: 'danger', avviso: 'warning', nota: 'informative' };

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  finding: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface Props {
  readonly strings: Strings;
  readonly session: PaneSession;
  readonly state: PaneState;
}

export function CheckTab({ strings, session, state }: Props) {
  const styles = useStyles();
  const idle = state.busy === null;
  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!idle} onClick={() => void session.validate()}>
          {strings.validate}
        </Button>
        <Button disabled={!idle} onClick={() => void session.highlight()}>
          {strings.highlight}
        </Button>
        <Button disabled={!idle} onClick={() => void session.removeHighlight()}>
          {strings.unhighlight}
        </Button>
        <Button disabled={!idle} onClick={() => void session.generateOvershooting()}>
          {strings.generate}
        </Button>
        <Button disabled={!idle} onClick={() => void session.writeLiveColumn()}>
          {strings.liveColumn}
        </Button>
        <Button disabled={!idle} onClick={() => void session.removeLiveColumn()}>
          {strings.liveColumnRemove}
        </Button>
        <Button disabled={!idle} onClick={() => void session.generateDashboard()}>
          {strings.dashboard}
        </Button>
      </div>
      {state.report !== null && <Summary strings={strings} report={state.report} />}
      {state.report !== null && <Findings strings={strings} findings={state.report.findings} onSelect={(cell) => void session.select(cell)} />}
    </>
  );
}

function Summary({ strings, report }: { readonly strings: Strings; readonly report: SheetReport }) {
  const roots = report.nodes.filter((n) => n.level === 'ente' || n.level === 'area' || n.level === 'scheda');
  const counts = countBySeverity(report.findings);
  return (
    <Card aria-label={report.name}>
      <Subtitle2 as="h2">{report.name}</Subtitle2>
      {report.layout !== null && (
        <Body1>
          {strings.layout}: {strings.layoutNames[report.layout]}
        </Body1>
      )}
      {roots.map((r) => (
        <Body1 key={`${r.code}-${r.row ?? ''}`}>
          {r.level === 'scheda' ? strings.individualResult : `${strings.figure} ${r.level === 'ente' ? 'Ente' : r.code}`}: <strong>{r.computed === null ? '—' : formatPercent(new Dec(r.computed))}</strong>
          {r.semaforo !== null && ` (${r.semaforo})`}
        </Body1>
      ))}
      {report.overshooting !== null && report.overshooting.total > 0 && <Body1>{strings.overshootingCount(report.overshooting.flagged, report.overshooting.total)}</Body1>}
      <div>
        {SEVERITIES.map((s) => (
          <Badge key={s} color={BADGE[s]} appearance="tint" style={{ marginRight: tokens.spacingHorizontalS }}>
            {strings.severities[s]}: {counts[s]}
          </Badge>
        ))}
      </div>
    </Card>
  );
}

/** The findings of one severity, grouped by code in order of first appearance. */
function groupsOf(findings: readonly Finding[], severity: Severity): Array<{ readonly id: string; readonly code: Finding['code']; readonly items: readonly Finding[] }> {
  const byCode = new Map<Finding['code'], Finding[]>();
  for (const f of findings) {
    if (f.severity !== severity) continue;
    const group = byCode.get(f.code);
    if (group === undefined) byCode.set(f.code, [f]);
    else group.push(f);
  }
  return [...byCode].map(([code, items]) => ({ id: `${severity}:${code}`, code, items }));
}

function Findings({ strings, findings, onSelect }: { readonly strings: Strings; readonly findings: readonly Finding[]; readonly onSelect: (cell: string) => void }) {
  const styles = useStyles();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const [query, setQuery] = useState('');
  // Groups the user opened or closed, for these findings only: a new validation starts from the default.
  const [opened, setOpened] = useState<{ readonly of: readonly Finding[]; readonly ids: readonly string[] } | null>(null);
  if (findings.length === 0) return <Body1>{strings.noFindings}</Body1>;
  const q = query.trim().toLowerCase();
  const visible = findings.filter((f) => shown.has(f.severity) && (q === '' || `${f.cell} ${f.code} ${f.message}`.toLowerCase().includes(q)));
  const toggle = (s: Severity, on: boolean) => setShown((prev) => new Set(on ? [...prev, s] : [...prev].filter((x) => x !== s)));
  const sections = SEVERITIES.map((s) => ({ severity: s, groups: groupsOf(visible, s) })).filter((x) => x.groups.length > 0);
  const all = sections.flatMap((x) => x.groups.map((g) => g.id));
  const byDefault = findings.length <= OPEN_FINDINGS ? all : all.filter((id) => id.startsWith('errore:'));
  // While searching, every group with a match is open.
  const open = q !== '' ? all : opened !== null && opened.of === findings ? opened.ids : byDefault;
  const onToggle = (_e: unknown, d: AccordionToggleData) => setOpened({ of: findings, ids: d.openItems.map(String) });
  return (
    <section aria-label={strings.filter}>
      <div className={styles.filters}>
        {SEVERITIES.map((s) => (
          <Checkbox key={s} label={strings.severities[s]} checked={shown.has(s)} onChange={(_e, d) => toggle(s, d.checked === true)} />
        ))}
        <Input aria-label={strings.filter} placeholder={strings.filter} value={query} onChange={(_e, d) => setQuery(d.value)} />
      </div>
      {sections.map(({ severity, groups }) => (
        <div key={severity}>
          <Subtitle2 as="h3">{strings.severities[severity]}</Subtitle2>
          <Accordion multiple collapsible openItems={[...open]} onToggle={onToggle}>
            {groups.map((g) => (
              <AccordionItem key={g.id} value={g.id}>
                <AccordionHeader size="small">
                  {g.code} ({g.items.length})
                </AccordionHeader>
                <AccordionPanel>
                  <Caption1>{FINDINGS[g.code].meaning}</Caption1>
                  <ul className={styles.list}>
                    {g.items.map((f, i) => (
                      <li key={`${f.cell}-${i}`} className={styles.finding}>
                        {f.cell === '' ? (
                          <Caption1>—</Caption1>
                        ) : (
                          <Link as="button" aria-label={strings.goToCell(f.cell)} onClick={() => onSelect(f.cell)}>
                            {f.cell}
                          </Link>
                        )}
                        <Body1>{f.message}</Body1>
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </div>
      ))}
    </section>
  );
}
