// Error numbers the simulated kernel returns, with glibc's strerror() text,
// which is what sysctl, bash and ethtool print after the colon.

export const ERRNO_TEXT = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
  ERANGE: 'Numerical result out of range',
  EOVERFLOW: 'Value too large for defined data type',
  EOPNOTSUPP: 'Operation not supported',
} as const;

export type Errno = keyof typeof ERRNO_TEXT;

/** Error numbers the receive path returns as negative values (include/uapi/asm-generic/errno*.h). */
export const ENOMEM = 12;
export const ENOBUFS = 105;

/**
 * A refusal by the simulated kernel. `errno` is what the syscall returns (and
 * what the tools print via strerror); `message` says why, for the learner.
 */
export class KernelError extends Error {
  readonly errno: Errno;

  constructor(errno: Errno, why?: string) {
    super(why ?? ERRNO_TEXT[errno]);
    this.name = 'KernelError';
    this.errno = errno;
  }

  /** strerror(errno): the text a real tool prints. */
  get strerror(): string {
    return ERRNO_TEXT[this.errno];
  }
}
