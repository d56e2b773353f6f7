import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The engine's own Decimal constructor: 40 significant digits and half-up rounding, so every SMVP
 * figure is computed at full precision and rounded only when displayed.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = DecimalJs;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

export function clamp01(d: Dec): Dec {
  if (d.isNegative()) return ZERO;
  return d.greaterThan(ONE) ? ONE : d;
}
