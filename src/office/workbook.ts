/** Small workbook operations of the pane: select a cell, store the SMVP profile in the workbook. */
import { DEFAULT_PROFILE, profileFromJson, profileToJson, type SmvpProfile } from '../engine';
import { queuedSetting } from './settings';
import { syncWithin, type SyncPolicy } from './sync';

const PROFILE_SETTING = 'smvp.profilo';

/** The active sheet's name, for operations that need no cell of it. One sync. */
export async function activeSheetName(policy: SyncPolicy): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    await syncWithin(context, policy);
    return sheet.name;
  });
}

/** Shows a finding's cell: activates its sheet and selects it. One sync. */
export async function selectCell(sheetName: string, address: string, policy: SyncPolicy): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await syncWithin(context, policy);
  });
}

/** The profile stored in the workbook, or the default; a damaged setting is reported, not used. One sync. */
export async function loadWorkbookProfile(policy: SyncPolicy): Promise<{ profile: SmvpProfile; problem?: string }> {
  return Excel.run(async (context) => {
    const stored = queuedSetting(context, PROFILE_SETTING);
    await syncWithin(context, policy);
    const json = stored();
    if (json === undefined) return { profile: DEFAULT_PROFILE };
    const read = profileFromJson(json);
    return read.ok ? { profile: read.value } : { profile: DEFAULT_PROFILE, problem: read.error.message };
  });
}

/** Stores the profile in the workbook, saved with it for colleagues. One sync. */
export async function saveWorkbookProfile(profile: SmvpProfile, policy: SyncPolicy): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.settings.add(PROFILE_SETTING, JSON.stringify(profileToJson(profile)));
    await syncWithin(context, policy);
  });
}

/** Removes the stored profile: the workbook goes back to the default. Two syncs. */
export async function clearWorkbookProfile(policy: SyncPolicy): Promise<void> {
  await Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
    await syncWithin(context, policy);
    if (!setting.isNullObject) setting.delete();
    await syncWithin(context, policy);
  });
}
