import { Badge } from '@fluentui/react-components';
import { semaforo, type Dec, type SmvpProfile } from '../engine';
import type { Strings } from './strings';

const COLOUR = { verde: 'success', giallo: 'warning', rosso: 'danger' } as const;

/** The semaphore of a figure as a coloured badge with its word, never colour alone; nothing for «n.c.». */
export function SemaphoreBadge({ achievement, profile, strings }: { readonly achievement: Dec | null; readonly profile: SmvpProfile; readonly strings: Strings }) {
  if (achievement === null) return null;
  const light = semaforo(achievement, profile);
  return (
    <Badge color={COLOUR[light]} appearance="tint" size="small">
      {strings.semaphore[light]}
    </Badge>
  );
}

/** The semaphore's word for a figure, empty for «n.c.»: for texts and accessible names. */
export function semaphoreWord(achievement: Dec | null, profile: SmvpProfile, strings: Strings): string {
  return achievement === null ? '' : strings.semaphore[semaforo(achievement, profile)];
}
