/**
 * Errors as office-js reports them: an `OfficeExtension.Error`-shaped object
 * (`name`, `code`, `message`, `debugInfo`) whose codes and messages are those
 * Excel sends, so that an adapter's error handling can be tested against the
 * codes it will meet in Excel.
 */
export type SimErrorCode =
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'NotImplemented'
  | 'PropertyNotLoaded'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'ValueNotLoaded';

const MESSAGES: Readonly<Record<SimErrorCode, string>> = {
  AccessDenied:
    'The cell or chart you’re trying to change is on a protected sheet. To make a change, unprotect the sheet.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "Office Add-in requirement sets" for more information.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation is invalid.',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  InvalidReference: 'This reference is not valid for the current operation.',
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  ItemNotFound: 'The requested resource doesn’t exist.',
  NotImplemented: 'The requested feature isn’t implemented.',
  PropertyNotLoaded: 'The property is not available.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  ValueNotLoaded: 'The value of the result object has not been loaded yet.',
};

export interface SimDebugInfo {
  readonly code: string;
  readonly message: string;
  /** Where Excel met the error, e.g. `Range.values` or `WorksheetCollection.getItem`. */
  readonly errorLocation?: string;
  /** The failing statement as office-js approximates it. */
  readonly statement?: string;
  /** The statements just before and after the failing one. */
  readonly surroundingStatements?: readonly string[];
  /** Every statement of the batch. */
  readonly fullStatements?: readonly string[];
}

/** Shaped like `OfficeExtension.Error`; `instanceof Error` holds too, for test frameworks. */
export class SimError extends Error {
  readonly code: SimErrorCode;
  debugInfo: SimDebugInfo;
  /** The `context.trace` messages of the commands that ran before the error, as office-js gives them. */
  traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: SimErrorCode, detail?: string, errorLocation?: string) {
    const message = detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code];
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  /** The location is known only where the failing command is, which is later than where the error is made. */
  locate(
    errorLocation: string,
    statement: string,
    batch: { surroundingStatements?: string[]; fullStatements?: string[]; traceMessages?: string[] } = {},
  ): this {
    const { traceMessages, ...around } = batch;
    this.debugInfo = {
      ...this.debugInfo,
      errorLocation: this.debugInfo.errorLocation ?? errorLocation,
      statement,
      ...around,
    };
    if (traceMessages) this.traceMessages = traceMessages;
    return this;
  }
}

export function isSimError(e: unknown): e is SimError {
  return e instanceof SimError;
}

/** office-js words this error exactly so; adapters and people search for the text. */
export function propertyNotLoaded(type: string, property: string): SimError {
  const e = new SimError('PropertyNotLoaded', undefined, `${type}.${property}`);
  e.message = `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;
  e.debugInfo = { ...e.debugInfo, message: e.message };
  return e;
}

export function apiNotFound(member: string, set: string): SimError {
  const e = new SimError('ApiNotFound', undefined, member);
  e.message = `The method or property ${member} is part of the ExcelApi ${set} requirement set, which is not available in your version of Excel.`;
  e.debugInfo = { ...e.debugInfo, message: e.message };
  return e;
}

export const invalidArgument = (detail?: string): SimError => new SimError('InvalidArgument', detail);
export const invalidOperation = (detail?: string): SimError => new SimError('InvalidOperation', detail);
export const itemNotFound = (detail?: string): SimError => new SimError('ItemNotFound', detail);
export const accessDenied = (detail?: string): SimError => new SimError('AccessDenied', detail);
export const notImplemented = (detail: string): SimError => new SimError('NotImplemented', detail);

/** Runs `f`, naming `location` as where an error arose (office-js reports the method that failed). */
export function at<T>(location: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SimError && !e.debugInfo.errorLocation) e.debugInfo = { ...e.debugInfo, errorLocation: location };
    throw e;
  }
}
