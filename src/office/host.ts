/** The one place that waits for Office.js; the pane and the commands start from here. */

export interface HostInfo {
  /** Office UI language, e.g. "it-IT" or "en-US". */
  readonly language: string;
  /** False when the page was opened outside Excel (a browser): there is no workbook to work on. */
  readonly inExcel: boolean;
}

/** Office.onReady resolves with host null outside Office (office.js docs: Office.onReady, "host"). */
export async function whenOfficeReady(): Promise<HostInfo> {
  const { host } = await Office.onReady();
  return { language: Office.context?.displayLanguage ?? 'it-IT', inExcel: host === Office.HostType.Excel };
}
