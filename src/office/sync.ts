/**
 * Round trips to Excel: every operation queues its work and syncs a fixed number of times, except
 * that Excel on the web refuses requests or responses over 5 MB, so there the work is cut into
 * batches kept under 4 MB (estimated from the cells involved), and that a read of more than Excel's
 * 5,000,000 cells is cut on every platform.
 */

export interface SyncPolicy {
  /** Largest estimated payload of one sync, in bytes. */
  readonly payloadLimit: number;
  /** Most cells one range may have when it is read. */
  readonly readCellLimit: number;
  readonly timeoutMs: number;
}

export const WEB_PAYLOAD_LIMIT = 4 * 1024 * 1024;
/** "A range is limited to 5,000,000 cells for read operations" (Microsoft, Resource limits: Excel add-ins), on every platform. */
export const READ_CELL_LIMIT = 5_000_000;
export const SYNC_TIMEOUT_MS = 60_000;

/** The policy for the Excel the add-in runs in: payload batches only on the web, cell batches everywhere. */
export function currentSyncPolicy(): SyncPolicy {
  const web = Office.context.platform === Office.PlatformType.OfficeOnline;
  return { payloadLimit: web ? WEB_PAYLOAD_LIMIT : Number.POSITIVE_INFINITY, readCellLimit: READ_CELL_LIMIT, timeoutMs: SYNC_TIMEOUT_MS };
}

export class SyncTimeoutError extends Error {
  constructor(seconds: number) {
    super(`Excel non ha risposto entro ${seconds} secondi: riprovare, o chiudere altre finestre di Excel.`);
  }
}

/** Syncs that timed out but are still running in Excel: nothing new may start before they end. */
const unanswered = new Set<Promise<unknown>>();

/** Whether a sync that timed out is still running in Excel. */
export function excelBusy(): boolean {
  return unanswered.size > 0;
}

/** Resolves once every sync that timed out has been answered by Excel (at once when none did). */
export async function excelAnswered(): Promise<void> {
  while (unanswered.size > 0) await Promise.allSettled([...unanswered]);
}

/**
 * context.sync(), failing with a clear message instead of hanging when Excel does not answer. The
 * request still runs in Excel after the timeout, so it is kept until it ends (see excelAnswered).
 */
export async function syncWithin(context: Excel.RequestContext, policy: SyncPolicy): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const request = context.sync();
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const pending = request.catch(() => undefined).finally(() => unanswered.delete(pending));
      unanswered.add(pending);
      reject(new SyncTimeoutError(policy.timeoutMs / 1000));
    }, policy.timeoutMs);
  });
  try {
    await Promise.race([request, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Batch {
  readonly start: number;
  readonly count: number;
}

/** Consecutive batches of `count` items, each item estimated at `bytesPerItem`, within the limit and `maxItems`. */
export function batches(count: number, bytesPerItem: number, limit: number, maxItems = Number.POSITIVE_INFINITY): Batch[] {
  const size = Math.max(1, Math.min(Number.isFinite(limit) ? Math.floor(limit / bytesPerItem) : count, maxItems));
  const out: Batch[] = [];
  for (let start = 0; start < count; start += size) out.push({ start, count: Math.min(size, count - start) });
  return out;
}
