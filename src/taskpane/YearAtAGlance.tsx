import { Body1, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatPercent, semaforo, type Dec, type OvershootingReport, type SheetReport, type SmvpProfile } from '../engine';
import { semaphoreWord } from './Semaphore';
import type { Strings } from './strings';
import { chartRows, figureText, overshootingByTipo, type ChartRow } from './tree-model';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // One grid for all the bars, so the names, bars and figures line up; no row gap, so the threshold
  // lines drawn in each row join into one line.
  chart: { display: 'grid', gridTemplateColumns: 'max-content minmax(64px, 1fr) max-content', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  name: { fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '11em' },
  top: { fontWeight: tokens.fontWeightSemibold },
  nested: { paddingLeft: tokens.spacingHorizontalM },
  track: { position: 'relative', height: '20px', backgroundColor: tokens.colorNeutralBackground2 },
  bar: { position: 'absolute', left: 0, top: '5px', bottom: '5px', borderRadius: tokens.borderRadiusSmall },
  topBar: { top: '3px', bottom: '3px' },
  // Light bars, so the dark threshold lines drawn over them stay visible.
  verde: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  giallo: { backgroundColor: tokens.colorPaletteMarigoldBackground2 },
  rosso: { backgroundColor: tokens.colorPaletteRedBackground2 },
  count: { backgroundColor: tokens.colorBrandBackground2Hover },
  line: { position: 'absolute', top: 0, bottom: 0, width: 0, zIndex: 1, borderLeftWidth: '1px', borderLeftStyle: 'dashed' },
  redLine: { borderLeftColor: tokens.colorPaletteRedForeground1 },
  greenLine: { borderLeftColor: tokens.colorPaletteGreenForeground1 },
  axis: { position: 'relative', height: '16px', fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  tick: { position: 'absolute', bottom: 0, transform: 'translateX(-50%)', whiteSpace: 'nowrap' },
  value: { fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap', textAlign: 'end' },
  // Read by screen readers, not shown: the figures the bars draw.
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
});

interface Props {
  readonly strings: Strings;
  readonly report: SheetReport;
  readonly profile: SmvpProfile;
}

/** The year at a glance: each ambito and OS (area and ao) against the semaphore thresholds, and the overshooting. */
export function YearAtAGlance({ strings, report, profile }: Props) {
  const styles = useStyles();
  const rows = chartRows(report.roots);
  const os = report.overshooting;
  const overshooting = os !== null && os.total > 0 ? os : null;
  if (rows.length === 0 && overshooting === null) return null;
  return (
    <section className={styles.section} aria-label={strings.glance}>
      <Subtitle2 as="h2">{strings.glance}</Subtitle2>
      {rows.length > 0 && <AchievementChart strings={strings} rows={rows} profile={profile} />}
      {overshooting !== null && <OvershootingChart strings={strings} report={overshooting} profile={profile} />}
    </section>
  );
}

/** A fraction as a bar's width, inside the track. */
const width = (fraction: Dec | number): string => {
  const f = typeof fraction === 'number' ? fraction : fraction.toNumber();
  return `${Math.min(100, Math.max(0, f * 100))}%`;
};

function AchievementChart({ strings, rows, profile }: { readonly strings: Strings; readonly rows: readonly ChartRow[]; readonly profile: SmvpProfile }) {
  const styles = useStyles();
  // Thresholds with the decimals they have: 60%, 95%, 97,5%.
  const red = formatPercent(profile.semaphore.red, Math.max(0, profile.semaphore.red.decimalPlaces() - 2));
  const green = formatPercent(profile.semaphore.green, Math.max(0, profile.semaphore.green.decimalPlaces() - 2));
  const figure = (r: ChartRow) => `${figureText(r.achievement, profile, strings.notComputable)} ${semaphoreWord(r.achievement, profile, strings)}`.trim();
  return (
    <ChartFigure
      title={strings.chartTitle}
      note={strings.chartThresholds(red, green)}
      table={{ columns: [strings.chartName, strings.achievement], rows: rows.map((r) => [r.id, r.title, figure(r)]) }}
    >
      <span />
      <span className={styles.axis}>
        <span className={styles.tick} style={{ left: width(profile.semaphore.red) }}>
          {red}
        </span>
        <span className={styles.tick} style={{ left: width(profile.semaphore.green) }}>
          {green}
        </span>
      </span>
      <span />
      {rows.map((r) => (
        <ChartLine
          key={r.id}
          name={r.name}
          tooltip={r.title}
          top={r.depth === 0}
          fraction={r.achievement ?? 0}
          colour={r.achievement === null ? null : semaforo(r.achievement, profile)}
          value={figure(r)}
          thresholds={[profile.semaphore.red, profile.semaphore.green]}
        />
      ))}
    </ChartFigure>
  );
}

interface FigureProps {
  readonly title: string;
  /** Under the chart, and after the title in the table's caption. */
  readonly note: string;
  /** The chart's figures as a two-column table, for screen readers (the bars are hidden from them): key, name, figure. */
  readonly table?: { readonly columns: readonly [string, string]; readonly rows: ReadonlyArray<readonly [string, string, string | number]> };
  /** The chart's grid cells: three per bar (see ChartLine). */
  readonly children: ReactNode;
}

function ChartFigure({ title, note, table, children }: FigureProps) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <figcaption>
        <Body1>
          <strong>{title}</strong>
        </Body1>
      </figcaption>
      <div className={styles.chart} aria-hidden="true">
        {children}
      </div>
      <Caption1>{note}</Caption1>
      {table !== undefined && (
        <table className={styles.hidden}>
          <caption>{`${title}. ${note}`}</caption>
          <thead>
            <tr>
              <th scope="col">{table.columns[0]}</th>
              <th scope="col">{table.columns[1]}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map(([key, name, figure]) => (
              <tr key={key}>
                <th scope="row">{name}</th>
                <td>{figure}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}

interface LineProps {
  readonly name: string;
  readonly tooltip: string;
  readonly top: boolean;
  readonly fraction: Dec | number;
  /** The semaphore the bar is coloured with; null for a count (overshooting) or «n.c.». */
  readonly colour: 'verde' | 'giallo' | 'rosso' | null;
  readonly value: string;
  readonly thresholds?: readonly [Dec, Dec];
}

/** One bar: its name, the bar in its track with the threshold lines, its figure. Three cells of the chart's grid. */
function ChartLine({ name, tooltip, top, fraction, colour, value, thresholds }: LineProps) {
  const styles = useStyles();
  return (
    <>
      <span className={mergeClasses(styles.name, top ? styles.top : styles.nested)} title={tooltip}>
        {name}
      </span>
      <span className={styles.track}>
        <span className={mergeClasses(styles.bar, top && styles.topBar, colour === null ? styles.count : styles[colour])} style={{ width: width(fraction) }} />
        {thresholds !== undefined && <span className={mergeClasses(styles.line, styles.redLine)} style={{ left: width(thresholds[0]) }} />}
        {thresholds !== undefined && <span className={mergeClasses(styles.line, styles.greenLine)} style={{ left: width(thresholds[1]) }} />}
      </span>
      <span className={styles.value}>{value}</span>
    </>
  );
}

/** The indicators in overshooting: by Tipo when the report names one (an annex), else flagged / total. */
function OvershootingChart({ strings, report, profile }: { readonly strings: Strings; readonly report: OvershootingReport; readonly profile: SmvpProfile }) {
  const byTipo = overshootingByTipo(report);
  const share = strings.overshootingShare(report.flagged, report.total, formatPercent(report.share, profile.displayDecimals));
  if (byTipo === null) {
    return (
      <ChartFigure title={strings.overshootingTitle} note={share}>
        <ChartLine name={strings.count} tooltip={share} top fraction={report.share} colour={null} value={`${report.flagged} / ${report.total}`} />
      </ChartFigure>
    );
  }
  const most = Math.max(...byTipo.map(([, n]) => n));
  return (
    <ChartFigure title={strings.overshootingByTipo} note={share} table={{ columns: [strings.tipo, strings.count], rows: byTipo.map(([tipo, n]) => [tipo, tipo, n]) }}>
      {byTipo.map(([tipo, n]) => (
        <ChartLine key={tipo} name={tipo} tooltip={tipo} top fraction={n / most} colour={null} value={String(n)} />
      ))}
    </ChartFigure>
  );
}
