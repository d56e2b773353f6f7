import { Body1, Caption1, MessageBar, MessageBarBody, ProgressBar, Tab, TabList, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import { CheckTab } from './CheckTab';
import { RulesTab } from './RulesTab';
import { TreeTab } from './TreeTab';
import type { PaneSession } from './session';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

const TABS = ['check', 'tree', 'rules'] as const;
type Tab = (typeof TABS)[number];

export function App({ strings, session }: { readonly strings: Strings; readonly session: PaneSession }) {
  const styles = useStyles();
  const state = useSyncExternalStore(session.subscribe, session.snapshot);
  const [chosen, setTab] = useState<Tab>('check');
  // The tree tab shows once a sheet has been validated; without a report the pane is back on Verifica.
  const tab = chosen === 'tree' && state.report === null ? 'check' : chosen;
  return (
    <main className={styles.root}>
      <Title3 as="h1">{strings.title}</Title3>
      <Body1>{strings.subtitle}</Body1>
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(TABS.find((t) => t === d.value) ?? 'check')}>
        <Tab value="check">{strings.tabCheck}</Tab>
        {state.report !== null && <Tab value="tree">{strings.tabTree}</Tab>}
        <Tab value="rules">{strings.tabRules}</Tab>
      </TabList>
      {state.busy !== null && <ProgressBar aria-label={state.busy} />}
      {state.busy !== null && <Caption1 role="status">{state.busy}</Caption1>}
      {state.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {state.notice !== null && (
        <MessageBar intent="success">
          <MessageBarBody role="status">{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      {tab === 'check' && <CheckTab strings={strings} session={session} state={state} />}
      {tab === 'tree' && state.report !== null && (
        <TreeTab strings={strings} session={session} report={state.report} profile={state.profile} changes={state.changes} />
      )}
      {tab === 'rules' && (
        <RulesTab key={JSON.stringify(state.profile)} strings={strings} session={session} profile={state.profile} busy={state.busy !== null} />
      )}
      <Caption1>{strings.functionsHint}</Caption1>
    </main>
  );
}
