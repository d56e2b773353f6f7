import { Body1, MessageBar, MessageBarBody, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

/** What the page shows when opened in a browser instead of Excel: there is no workbook to work on. */
export function OutsideExcel({ strings }: { readonly strings: Strings }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">{strings.title}</Title3>
      <Body1>{strings.subtitle}</Body1>
      <MessageBar intent="warning">
        <MessageBarBody role="status">{strings.outsideExcel}</MessageBarBody>
      </MessageBar>
    </main>
  );
}
