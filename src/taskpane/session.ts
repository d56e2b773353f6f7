/**
 * What the pane and the ribbon commands do, and the state the pane shows. Both run in the same
 * shared runtime, so a ribbon *Valida* fills the pane the user opens next.
 */
import {
  analyseWorkbook,
  countBySeverity,
  DEFAULT_PROFILE,
  dashboardSheet,
  highlightMarks,
  overshootingSheet,
  needsOtherSheets,
  type Change,
  type FunctionLanguage,
  type NodeId,
  type SheetReport,
  type SmvpProfile,
} from '../engine';
import { applyHighlight, removeHighlight } from '../office/highlight';
import { readActiveSheet, readOtherSheets } from '../office/read-sheet';
import { currentSyncPolicy, excelAnswered, excelBusy } from '../office/sync';
import { activeSheetName, clearWorkbookProfile, loadWorkbookProfile, saveWorkbookProfile, selectCell } from '../office/workbook';
import { writeOvershootingSheet } from '../office/write-overshooting';
import { writeDashboardSheet } from '../office/write-dashboard';
import { removeLiveColumn, writeLiveColumn } from '../office/live-column';
import type { Strings } from './strings';

export interface PaneState {
  /** What is running, for the progress bar; null when idle. */
  readonly busy: string | null;
  readonly error: string | null;
  readonly notice: string | null;
  readonly report: SheetReport | null;
  readonly profile: SmvpProfile;
  /** What-if changes to the report's rows, by node id: the pane's alone, never written to the workbook. */
  readonly changes: ReadonlyMap<NodeId, Change>;
}

const NO_CHANGES: ReadonlyMap<NodeId, Change> = new Map();

export class PaneSession {
  private state: PaneState = { busy: null, error: null, notice: null, report: null, profile: DEFAULT_PROFILE, changes: NO_CHANGES };
  private readonly listeners = new Set<() => void>();
  /** The last operation queued: each one starts when the one before it has ended. */
  private queue: Promise<void> = Promise.resolve();

  /** `functions`: the language Excel names the PERF functions in (the live column writes them by name). */
  constructor(
    private readonly strings: Strings,
    private readonly functions: FunctionLanguage = 'it',
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): PaneState => this.state;

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /**
   * Queues one operation (a ribbon click during another one runs after it, never dropped): progress
   * while it runs, its notice or its failure in plain Italian after. Resolves to the failure's text,
   * or null. After a sync timeout the queue stays locked until Excel answers the request it still runs.
   */
  private run(busy: string, operation: () => Promise<string | null>): Promise<string | null> {
    const done = this.queue.then(async () => {
      try {
        this.set({ busy, error: null, notice: null });
        const notice = await operation();
        this.set({ busy: null, notice });
        return null;
      } catch (e) {
        const error = this.strings.failed(e instanceof Error ? e.message : String(e));
        if (excelBusy()) {
          this.set({ busy: this.strings.busyWaitingExcel, error });
          await excelAnswered();
        }
        this.set({ busy: null, error });
        return error;
      }
    });
    // Whatever happens to one operation, the next one still runs.
    this.queue = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  private async analyseActiveSheet(): Promise<SheetReport> {
    const policy = currentSyncPolicy();
    const grid = await readActiveSheet(policy);
    const { profile } = this.state;
    // Only a planning tree (last year's report and annex) and a scorecard (the Ente report) need the other sheets.
    const others = needsOtherSheets(grid) ? await readOtherSheets(grid.name, policy) : [];
    const [report] = analyseWorkbook([grid, ...others], profile);
    // Ids are positions in the trees: changes tried on the previous report would land on other rows.
    this.set({ report, changes: NO_CHANGES });
    return report;
  }

  loadProfile(): Promise<string | null> {
    return this.run(this.strings.busyProfile, async () => {
      const { profile, problem } = await loadWorkbookProfile(currentSyncPolicy());
      this.set({ profile });
      return problem === undefined ? null : this.strings.profileDamaged(problem);
    });
  }

  validate(): Promise<string | null> {
    return this.run(this.strings.busyValidate, async () => {
      const report = await this.analyseActiveSheet();
      const c = countBySeverity(report.findings);
      return report.layout === null ? null : this.strings.validated(report.name, c.errore, c.avviso, c.nota);
    });
  }

  highlight(): Promise<string | null> {
    return this.run(this.strings.busyHighlight, async () => this.highlightReport(this.state.report ?? (await this.analyseActiveSheet())));
  }

  /** The ribbon's Valida: validates and highlights as one operation, so nothing queued runs between them. */
  validateAndHighlight(): Promise<string | null> {
    return this.run(this.strings.busyValidate, async () => this.highlightReport(await this.analyseActiveSheet()));
  }

  private async highlightReport(report: SheetReport): Promise<string> {
    if (report.layout === null) throw new Error(this.strings.nothingToHighlight);
    const marks = highlightMarks(report, this.state.profile);
    await applyHighlight(report.name, marks, currentSyncPolicy());
    return this.strings.highlighted(marks.length);
  }

  removeHighlight(): Promise<string | null> {
    return this.run(this.strings.busyUnhighlight, async () => {
      const name = this.state.report?.name ?? (await activeSheetName(currentSyncPolicy()));
      const restored = await removeHighlight(name, currentSyncPolicy());
      return this.strings.unhighlighted(restored);
    });
  }

  generateOvershooting(): Promise<string | null> {
    return this.run(this.strings.busyOvershooting, async () => {
      const report = await this.analyseActiveSheet();
      if (report.overshooting === null || report.overshooting.total === 0) throw new Error(this.strings.noIndicators(report.name));
      const name = await writeOvershootingSheet(overshootingSheet(report.overshooting, this.state.profile), currentSyncPolicy());
      return this.strings.generated(name, report.overshooting.flagged, report.overshooting.total);
    });
  }

  /** The Ricalcolato SMVP column of live formulas, with the semaphore as conditional formats. */
  writeLiveColumn(): Promise<string | null> {
    return this.run(this.strings.busyLiveColumn, async () => {
      const report = await this.analyseActiveSheet();
      const { column, formulas } = await writeLiveColumn(report, this.state.profile, this.functions, currentSyncPolicy());
      return this.strings.liveColumnWritten(column, formulas);
    });
  }

  removeLiveColumn(): Promise<string | null> {
    return this.run(this.strings.busyLiveColumnRemove, async () => {
      // The sheet the user is looking at, which may not be the one validated last.
      const name = await activeSheetName(currentSyncPolicy());
      return this.strings.liveColumnRemoved(await removeLiveColumn(name, currentSyncPolicy()));
    });
  }

  /** The Cruscotto sheet: the active report's figures, and the overshooting by Tipo of the workbook's annex when there is one. */
  generateDashboard(): Promise<string | null> {
    return this.run(this.strings.busyDashboard, async () => {
      const policy = currentSyncPolicy();
      const grid = await readActiveSheet(policy);
      const [tree, ...others] = analyseWorkbook([grid, ...(await readOtherSheets(grid.name, policy))], this.state.profile);
      if (tree.layout !== 'ente' && tree.layout !== 'unita') throw new Error(this.strings.dashboardNeedsReport(tree.name));
      this.set({ report: tree, changes: NO_CHANGES });
      const annex = others.find((r) => r.layout === 'overshooting') ?? null;
      const name = await writeDashboardSheet(dashboardSheet(tree, annex, this.state.profile, new Date()), policy);
      return this.strings.dashboardWritten(name);
    });
  }

  select(cell: string): Promise<string | null> {
    const sheet = this.state.report?.name;
    if (sheet === undefined || cell === '') return Promise.resolve(null);
    return this.run(this.strings.busySelect, async () => {
      await selectCell(sheet, cell, currentSyncPolicy());
      return null;
    });
  }

  /**
   * Tries a change on one node of the report, or takes it back (null). Nothing goes to Excel, so this
   * runs at once, outside the queue: the workbook is never touched.
   */
  tryChange(id: NodeId, change: Change | null): void {
    const changes = new Map(this.state.changes);
    if (change === null) changes.delete(id);
    else changes.set(id, change);
    this.set({ changes });
  }

  /** Back to the official figures: every what-if change dropped. */
  clearChanges(): void {
    this.set({ changes: NO_CHANGES });
  }

  saveProfile(profile: SmvpProfile): Promise<string | null> {
    return this.run(this.strings.busyProfile, async () => {
      await saveWorkbookProfile(profile, currentSyncPolicy());
      this.set({ profile, report: null, changes: NO_CHANGES });
      return this.strings.profileSaved;
    });
  }

  resetProfile(): Promise<string | null> {
    return this.run(this.strings.busyProfile, async () => {
      await clearWorkbookProfile(currentSyncPolicy());
      this.set({ profile: DEFAULT_PROFILE, report: null, changes: NO_CHANGES });
      return this.strings.profileReset(DEFAULT_PROFILE.name);
    });
  }
}
