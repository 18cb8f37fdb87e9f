/** How the desk fails: one line for the organizer, and an exit code that says what kind of failure it is. */

/** Input the desk refuses, or a state of the database it will not act on; the message is the one line the organizer reads. */
export class DeskError extends Error {
  override readonly name = 'DeskError';
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** What the desk's exit codes mean; --help prints them. */
export const exitCodes = {
  /** Done. */
  done: 0,
  /** A check failed: the tally disagrees with the rows. */
  checkFailed: 1,
  /** Bad input or a report in the wrong state; nothing was changed. */
  badInput: 2,
  /** No database to work on: none named, unreachable, or without this project's tables. */
  noDatabase: 3,
  /** Something unexpected went wrong (the message says what); a failed transaction is rolled back. */
  unexpected: 4,
} as const;

export const badInput = (message: string) => new DeskError(message, exitCodes.badInput);
