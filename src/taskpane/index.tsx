import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { registerCommands, showPane } from '../office/commands';
import { whenOfficeReady } from '../office/host';
import { functionLanguage } from '../office/live-column';
import { App } from './App';
import { OutsideExcel } from './OutsideExcel';
import { PaneSession } from './session';
import { stringsFor } from './strings';

/** The session once Office is ready; null when the page is open outside Excel. */
const ready = whenOfficeReady().then(({ language, inExcel }) => {
  const strings = stringsFor(language);
  const session = inExcel ? new PaneSession(strings, functionLanguage(language)) : null;
  render(session === null ? <OutsideExcel strings={strings} /> : <App strings={strings} session={session} />);
  void session?.loadProfile();
  return session;
});

/** Runs a ribbon command in the session's queue, then shows the pane: always for Valida, else when it failed. */
const command = (work: (session: PaneSession) => Promise<string | null>, showAlways = false) => async () => {
  const session = await ready.catch(() => null);
  if (session === null) return;
  const failed = await work(session).catch((e: unknown) => String(e));
  if (showAlways || failed !== null) await showPane().catch(() => undefined);
};

// At the top level, as the shared runtime asks: a click that comes before Office.onReady waits for it.
registerCommands({
  valida: command((session) => session.validateAndHighlight(), true),
  generaOvershooting: command((session) => session.generateOvershooting()),
  colonnaRicalcolata: command((session) => session.writeLiveColumn()),
  generaCruscotto: command((session) => session.generateDashboard()),
});

function render(element: React.ReactElement): void {
  const container = document.getElementById('root');
  if (container === null) return;
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
}
