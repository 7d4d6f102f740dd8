/**
 * The exit codes of the `draagvlak` command (README, "Command line"). 70 and 74 are the BSD
 * sysexits codes for an internal software error and an I/O error.
 */
export const EXIT = {
  /** Done: every run recorded, the results folder complete. */
  done: 0,
  /** Done, but some runs failed (listed in failures.csv). */
  runsFailed: 1,
  /** Bad input (scenario, options, results folder, too big for this machine): nothing written. */
  badInput: 2,
  /** A bug in draagvlak: one line saying so; DRAAGVLAK_DEBUG=1 prints the stack trace. */
  internal: 70,
  /** The disk failed mid-run (full, I/O error): the runs done are kept, the folder is marked incomplete, --resume continues. */
  storage: 74,
  /** Interrupted by Ctrl-C or SIGTERM: the folder is marked incomplete, --resume continues. */
  interrupted: 130,
} as const;
