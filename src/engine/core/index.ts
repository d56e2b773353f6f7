/** Core: exact decimals, results, findings, quantities and their formatting, the SMVP profile. Imports nothing of the engine. */
export { clamp01, Dec, ZERO, ONE, HUNDRED } from './decimal';
export { excerpt } from './excerpt';
export {
  finding, readingFindingCode, bySeverity, countBySeverity, type Severity, FINDINGS, type FindingCode,
  type Finding, type FindingDetails,
} from './findings';
export { formatPercent, formatPercentPair, formatNumber, formatQuantity, counted, capitalised } from './format';
export {
  isRecord, plainDecimal, shown, exactPercent, closest, unknownKeys, oneOf, integerIn, type JsonProblem,
} from './json-check';
export { EXCERPT_CHARS, MAX_MEASURES_CHARS, MAX_MEASURES_DEPTH, MAX_NUMBER_DIGITS, MAX_MEASURES_TERMS } from './limits';
export {
  profileByName, profileToJson, profileFromJson, type DeadlineRule, type SmvpProfile, type SuggestionMethod,
  SUGGESTION_METHODS, MODENA_2024, DEFAULT_PROFILE, type SmvpProfileJson, type ProfileProblem,
  type ProfileResult,
} from './profile';
export {
  quantity, unitAt, italianNumberAt, parseItalianNumber, numberFromMatch, parseQuantityText, type Unit,
  type Quantity, FULL_PRECISION, type ParsedNumber,
} from './quantity';
export { ok, fail, type ErrorCode, type EngineError, type Result } from './result';
