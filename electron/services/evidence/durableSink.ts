/**
 * A file sink for large evidence: chunks are written as they come, and every `step` bytes the data
 * written so far is handed to the disk in the background (fdatasync, at most one at a time), so the
 * disk writes while the next chunks are read and hashed. Finishing waits for that flush and fsyncs
 * once: by then little is left to write. Without the background flushes the kernel keeps the whole
 * file in memory until the final fsync, which then writes all of it while nothing else happens.
 * The file is created exclusively ('wx'); the handle is closed on finish, error or abort.
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';

const DEFAULT_STEP = 32 * 1024 * 1024;

export function durableFileSink(file: string, step = DEFAULT_STEP): Writable {
  let handle: fs.promises.FileHandle | null = null;
  let unflushed = 0;
  let flushing: Promise<void> | null = null;

  const write = async (buffers: Buffer[]) => {
    const h = handle!;
    const bytes = buffers.reduce((n, b) => n + b.length, 0);
    let done = 0;
    while (done < bytes) {
      const { bytesWritten } = await h.writev(done === 0 ? buffers : [Buffer.concat(buffers).subarray(done)]);
      done += bytesWritten;
    }
    unflushed += bytes;
    if (unflushed >= step && !flushing) {
      unflushed = 0;
      flushing = h.datasync().finally(() => (flushing = null));
      flushing.catch(() => undefined); // surfaced by the final sync
    }
  };

  return new Writable({
    highWaterMark: 1024 * 1024,
    construct(callback) {
      fs.promises.open(file, 'wx').then((h) => {
        handle = h;
        callback();
      }, callback);
    },
    writev(chunks, callback) {
      write(chunks.map((c) => c.chunk as Buffer)).then(() => callback(), callback);
    },
    final(callback) {
      (async () => {
        await flushing;
        await handle!.sync();
      })().then(() => callback(), callback);
    },
    destroy(error, callback) {
      const h = handle;
      handle = null;
      if (!h) return callback(error);
      Promise.resolve(flushing)
        .catch(() => undefined)
        .then(() => h.close())
        .then(
          () => callback(error),
          (closeError: Error) => callback(error ?? closeError),
        );
    },
  });
}
