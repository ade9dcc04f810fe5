/**
 * The SHA-256 of a file's bytes, by the browser's Web Crypto (`crypto.subtle.digest`), as hex: how
 * "Add offices' files" tells files apart. A 32-bit hash let a second office's file whose hash
 * collided pass for the first and never be inserted.
 */
export async function sha256Hex(base64: string): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } } }).crypto?.subtle;
  if (!subtle) throw new Error('Web Crypto (crypto.subtle) is not available');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
