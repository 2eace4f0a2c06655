import type { WorkbookFileError } from '../xlsx/errors';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether to draw progress bars (stderr is a terminal and output is not JSON). */
  readonly tty: boolean;
}

/** A workbook file that cannot be read, with its path for the message. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: WorkbookFileError,
  ) {
    super(cause.message);
  }
}

/** A mistake in how the command was called, with a translated message. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, unknown> = {},
  ) {
    super(key);
  }
}
