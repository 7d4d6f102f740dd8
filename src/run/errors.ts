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

/** The error codes of a disk that cannot take more: full, failing, over quota, or gone read-only. */
const STORAGE_CODES = ['ENOSPC', 'EIO', 'EDQUOT', 'EROFS', 'EFBIG'];

/** True for an error of the storage under a results folder (not of the program or its input). */
export function isStorageFailure(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && STORAGE_CODES.includes((err as NodeJS.ErrnoException).code ?? '');
}

/**
 * The disk under a results folder failed mid-run (full, I/O error): the runs already done are
 * kept and the folder is marked incomplete, to be continued with `--resume` once the disk is fixed.
 */
export class StorageError extends Error {
  readonly dir: string;
  readonly code: string;
  constructor(dir: string, cause: NodeJS.ErrnoException) {
    const what = cause.code === 'ENOSPC' ? 'no space left on the device' : cause.code === 'EIO' ? 'an I/O error' : cause.code === 'EDQUOT' ? 'the disk quota is used up' : cause.code === 'EROFS' ? 'the file system became read-only' : 'a file grew too large';
    super(`${what} (${cause.code}) while writing ${dir}`);
    this.name = 'StorageError';
    this.dir = dir;
    this.code = cause.code ?? '';
  }
}
