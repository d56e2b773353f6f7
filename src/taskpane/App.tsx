import { Body1, Caption1, Card, CardHeader, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { formatPercent, type SmvpProfile } from '../engine';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  rules: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
});

export interface AppProps {
  readonly strings: Strings;
  readonly profile: SmvpProfile;
}

export function App({ strings, profile }: AppProps) {
  const styles = useStyles();
  const deadline = profile.deadline.rule === 'zero' ? strings.deadlineZero : strings.deadlineLinear(profile.deadline.days);
  const rules: Array<[string, string]> = [
    [strings.profile, profile.name],
    [strings.green, formatPercent(profile.semaphore.green)],
    [strings.red, formatPercent(profile.semaphore.red)],
    [strings.tolerance, formatPercent(profile.overshootingTolerance)],
    [strings.deadline, deadline],
    [strings.missing, profile.missingValue === 'exclude' ? strings.missingExclude : strings.missingZero],
  ];
  return (
    <main className={styles.root}>
      <Title3 as="h1">{strings.title}</Title3>
      <Body1>{strings.subtitle}</Body1>
      <Card>
        <CardHeader header={<Subtitle2 as="h2">{strings.rulesTitle}</Subtitle2>} />
        <dl className={styles.rules}>
          {rules.map(([name, value]) => (
            <div key={name} style={{ display: 'contents' }}>
              <dt>
                <Caption1>{name}</Caption1>
              </dt>
              <dd style={{ margin: 0 }}>
                <Body1>{value}</Body1>
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      <Caption1>{strings.functionsHint}</Caption1>
    </main>
  );
}
