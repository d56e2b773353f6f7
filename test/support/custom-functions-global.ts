/**
 * The two members of Excel's CustomFunctions global that the functions use, as the runtime defines
 * them, so the functions can be called in Node exactly as Excel calls them.
 */
class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

Object.assign(globalThis, {
  CustomFunctions: {
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  },
});

/** What a call gave back to Excel: its value, or the error code and message. */
export function excelResult(call: () => unknown): unknown {
  try {
    return call();
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { error: e.code, message: e.message };
    throw e;
  }
}
