/** The add-in's state kept in the workbook's settings, saved with the file. */

/**
 * Queues the read of a setting's value with whatever else the batch loads, so it costs no sync of
 * its own; the returned function gives the value (undefined when there is no such setting) once the
 * batch has synced.
 */
export function queuedSetting(context: Excel.RequestContext, key: string): () => unknown {
  const setting = context.workbook.settings.getItemOrNullObject(key);
  setting.load('value');
  return () => (setting.isNullObject ? undefined : setting.value);
}
