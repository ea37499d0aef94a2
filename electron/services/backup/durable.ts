import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Makes a file's content durable (fsync), or a rename durable (the directory; not possible on Windows, where it is not needed). */
export function fsyncPath(target: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(target, fs.statSync(target).isDirectory() ? 'r' : 'r+');
    fs.fsyncSync(fd);
  } catch {
    // a directory cannot be opened for sync on Windows
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Writes a file as temp-then-rename: fsynced under a temporary name, renamed, the folder synced. */
export function writeFileDurably(file: string, data: string | Buffer): void {
  const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temp, data, { flush: true });
  fs.renameSync(temp, file);
  fsyncPath(path.dirname(file));
}

export type Copied = { sha256: string; size: number };

const tempName = (dir: string) => path.join(dir, `${crypto.randomBytes(8).toString('hex')}.part`);

/** Streams src into a new temporary file in dir through SHA-256 (flat memory), fsynced. */
export async function copyToTemp(src: string, dir: string): Promise<Copied & { temp: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const temp = tempName(dir);
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    highWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(fs.createReadStream(src, { highWaterMark: 1024 * 1024 }), meter, fs.createWriteStream(temp, { flags: 'wx', flush: true }));
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { temp, sha256: hash.digest('hex'), size };
}

/** The same, synchronously (the copy made before a migration, while nothing else runs yet). */
export function copyToTempSync(src: string, dir: string): Copied & { temp: string } {
  fs.mkdirSync(dir, { recursive: true });
  const temp = tempName(dir);
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  let size = 0;
  const input = fs.openSync(src, 'r');
  let output: number | null = null;
  try {
    output = fs.openSync(temp, 'wx');
    for (let n = fs.readSync(input, buffer); n > 0; n = fs.readSync(input, buffer)) {
      hash.update(buffer.subarray(0, n));
      fs.writeSync(output, buffer, 0, n);
      size += n;
    }
    fs.fsyncSync(output);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    fs.closeSync(input);
    if (output !== null) fs.closeSync(output);
  }
  return { temp, sha256: hash.digest('hex'), size };
}

/** Moves a finished temporary file to its final name (replacing a copy of the wrong size), durably. */
export function settle(temp: string, dest: string): void {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const existing = fs.statSync(dest, { throwIfNoEntry: false });
  if (existing && existing.size === fs.statSync(temp).size) {
    fs.rmSync(temp, { force: true });
    return;
  }
  fs.renameSync(temp, dest);
  fsyncPath(path.dirname(dest));
}

/** SHA-256 and size of a file, streamed. */
export async function hashFile(file: string): Promise<Copied> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { sha256: hash.digest('hex'), size };
}

/** A folder's entries; none when it does not exist (or cannot be read). */
export function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
