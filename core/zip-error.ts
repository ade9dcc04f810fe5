/** Why a zip is not read: `damaged` (not a zip, cut short, or a part that inflates to
 * other than its declared size, as a zip bomb's does), `unsupported` (Zip64, encryption, a
 * compression method other than stored or deflate), `too-large` (a part inflates past the
 * limit: a zip bomb, or a sheet no office types). */
export class ZipError extends Error {
  constructor(
    readonly kind: 'damaged' | 'unsupported' | 'too-large',
    detail: string,
    /** With `too-large`: the limit, in bytes. */
    readonly limit?: number,
  ) {
    super(detail);
    this.name = 'ZipError';
  }
}
