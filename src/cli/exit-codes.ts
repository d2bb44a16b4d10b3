// Exit codes, the contract with CI pipelines.
export const EXIT_OK = 0;
/** Findings at error level, or more warnings than --max-warnings. */
export const EXIT_FINDINGS = 1;
/** Usage, configuration or input error. */
export const EXIT_USAGE = 2;

/** Thrown for a usage error: the message is shown, the exit code is 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
