import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { registerCommands, showPane } from '../office/commands';
import { whenOfficeReady } from '../office/host';
import { App } from './App';
import { PaneSession } from './session';
import { stringsFor } from './strings';

void whenOfficeReady().then(({ language }) => {
  const strings = stringsFor(language);
  const session = new PaneSession(strings);
  registerCommands({
    valida: async () => {
      await session.validate();
      await session.highlight();
      await showPane();
    },
    generaOvershooting: () => session.generateOvershooting(),
  });
  void session.loadProfile();
  const container = document.getElementById('root');
  if (container === null) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App strings={strings} session={session} />
    </FluentProvider>,
  );
});
