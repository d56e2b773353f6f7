import { EXCERPT_CHARS } from './limits';

/** The start of a cell's text for a message: a cell can hold 32,767 characters. Never half a surrogate pair. */
export function excerpt(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  const start = text.slice(0, EXCERPT_CHARS);
  return `${/[\uD800-\uDBFF]$/.test(start) ? start.slice(0, -1) : start}…`;
}
