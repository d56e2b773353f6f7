/** The one place that waits for Office.js; the pane and the commands start from here. */

export interface HostInfo {
  /** Office UI language, e.g. "it-IT" or "en-US". */
  readonly language: string;
}

export async function whenOfficeReady(): Promise<HostInfo> {
  await Office.onReady();
  return { language: Office.context.displayLanguage ?? 'it-IT' };
}
