import { randomBytes } from 'crypto';
import { constants, promises as fs, unlinkSync } from 'fs';
import * as path from 'path';

/**
 * Writes a file so that the write can be neither redirected nor left half-done (issue 13):
 * the bytes go to a temp file beside it, created new (`O_CREAT | O_EXCL`: never an existing
 * file, and never through a link planted under its name, `O_NOFOLLOW`) under a random hidden
 * name, flushed to disk, then renamed into place (a rename replaces a link at `file` itself,
 * never what it points at). A run stopped by SIGINT or SIGTERM meanwhile removes the temp file
 * before it ends. The folder is made when missing.
 */
export async function writeFileAtomically(file: string, data: Buffer | ((handle: fs.FileHandle) => Promise<void>)): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
  let written = false;
  const removeTemp = () => {
    if (written) return;
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
  };
  // On a signal: the temp file goes, then the signal does what it would have done.
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemp();
    stopListening();
    process.kill(process.pid, signal);
  };
  const stopListening = () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    if (typeof data === 'function') await data(handle);
    else await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    await fs.rename(tmp, file);
    written = true;
  } catch (err) {
    await handle.close().catch(() => undefined);
    removeTemp();
    throw err;
  } finally {
    stopListening();
  }
}
