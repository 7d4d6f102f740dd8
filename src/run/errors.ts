/** Bad input that stops a run before anything is written: the CLI prints it and exits with code 2. */
export class UsageError extends Error {
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.join('\n'));
    this.name = 'UsageError';
    this.problems = list;
  }
}
