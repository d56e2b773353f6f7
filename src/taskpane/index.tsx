import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { DEFAULT_PROFILE } from '../engine';
import { whenOfficeReady } from '../office/host';
import { App } from './App';
import { stringsFor } from './strings';

void whenOfficeReady().then(({ language }) => {
  const container = document.getElementById('root');
  if (container === null) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App strings={stringsFor(language)} profile={DEFAULT_PROFILE} />
    </FluentProvider>,
  );
});
