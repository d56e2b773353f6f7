/**
 * Round trips to Excel: every operation queues its work and syncs a fixed number of times, except
 * that Excel on the web refuses requests or responses over 5 MB, so there the work is cut into
 * batches kept under 4 MB (estimated from the cells involved).
 */

export interface SyncPolicy {
  /** Largest estimated payload of one sync, in bytes. */
  readonly payloadLimit: number;
  readonly timeoutMs: number;
}

export const WEB_PAYLOAD_LIMIT = 4 * 1024 * 1024;
export const SYNC_TIMEOUT_MS = 60_000;

/** The policy for the Excel the add-in runs in: payload batches only on the web. */
export function currentSyncPolicy(): SyncPolicy {
  const web = Office.context.platform === Office.PlatformType.OfficeOnline;
  return { payloadLimit: web ? WEB_PAYLOAD_LIMIT : Number.POSITIVE_INFINITY, timeoutMs: SYNC_TIMEOUT_MS };
}

export class SyncTimeoutError extends Error {
  constructor(seconds: number) {
    super(`Excel non ha risposto entro ${seconds} secondi: riprovare, o chiudere altre finestre di Excel.`);
  }
}

/** context.sync(), failing with a clear message instead of hanging when Excel does not answer. */
export async function syncWithin(context: Excel.RequestContext, policy: SyncPolicy): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SyncTimeoutError(policy.timeoutMs / 1000)), policy.timeoutMs);
  });
  try {
    await Promise.race([context.sync(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Batch {
  readonly start: number;
  readonly count: number;
}

/** Consecutive batches of `count` items, each item estimated at `bytesPerItem`, within the limit. */
export function batches(count: number, bytesPerItem: number, limit: number): Batch[] {
  const size = Math.max(1, Number.isFinite(limit) ? Math.floor(limit / bytesPerItem) : count);
  const out: Batch[] = [];
  for (let start = 0; start < count; start += size) out.push({ start, count: Math.min(size, count - start) });
  return out;
}
