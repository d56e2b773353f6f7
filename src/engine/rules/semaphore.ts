import { DEFAULT_PROFILE, type Dec, type SmvpProfile } from '../core';

export type Semaforo = 'verde' | 'giallo' | 'rosso';

/** Excel's own good / neutral / bad fills, so the colours read as users expect (RGB hex). */
export const SEMAPHORE_FILLS: Readonly<Record<Semaforo, string>> = { verde: 'C6EFCE', giallo: 'FFEB9C', rosso: 'FFC7CE' };

/** SMVP §4, on the full-precision value: 94,996% is giallo although it displays as 95,00%. */
export function semaforo(achievement: Dec, profile: SmvpProfile = DEFAULT_PROFILE): Semaforo {
  if (achievement.greaterThanOrEqualTo(profile.semaphore.green)) return 'verde';
  if (achievement.lessThanOrEqualTo(profile.semaphore.red)) return 'rosso';
  return 'giallo';
}
