/**
 * What the engine accepts from one cell, checked before the work so that a malformed or hostile
 * workbook ends in a finding, never in a stack overflow or minutes of arithmetic.
 */

/** Characters of a cell quoted in a message: enough to recognise it, never a whole 10 MB cell. */
export const EXCERPT_CHARS = 40;
/** Characters of a measures expression: real ones are under 200; Excel's own cell limit is 32,767. */
export const MAX_MEASURES_CHARS = 2_000;
/** Parentheses and unary signs nested in a measures expression: real ones nest two deep at most. */
export const MAX_MEASURES_DEPTH = 50;
/** Digits of a number in a cell or a measures expression: read exactly at Dec's 40 digits; real figures have at most 13. */
export const MAX_NUMBER_DIGITS = 30;
/** Numbers in a measures expression: real ones have fewer than twenty measures. */
export const MAX_MEASURES_TERMS = 500;
