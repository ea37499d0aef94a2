import type http from 'node:http';

/** JSON API bodies: up to this size (a roster preview sends a 20 MB file as base64). */
export const MAX_BODY = 40 * 1024 * 1024;
/** All JSON bodies being buffered at once share this much memory; the rest wait their turn. */
export const BODY_BUDGET = 80 * 1024 * 1024;
const WAIT_MS = 60_000;

/**
 * A byte budget shared by every request body the host buffers: a request reserves its declared
 * length (or, chunked, each chunk) before reading on, so six 39 MB bodies at once are read two at
 * a time instead of all together. Waiters are served in order.
 */
export class BodyBudget {
  private free: number;
  private readonly queue: { bytes: number; resolve: () => void }[] = [];

  constructor(readonly total = BODY_BUDGET) {
    this.free = total;
  }

  /** Resolves when `bytes` are reserved; rejects after `WAIT_MS` (the host answers 503). */
  take(bytes: number): Promise<void> {
    const want = Math.min(bytes, this.total);
    if (!this.queue.length && want <= this.free) {
      this.free -= want;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        bytes: want,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(entry), 1);
        reject(new Error('busy'));
      }, WAIT_MS);
      this.queue.push(entry);
    });
  }

  give(bytes: number): void {
    this.free = Math.min(this.total, this.free + Math.min(bytes, this.total));
    while (this.queue.length && this.queue[0].bytes <= this.free) {
      const next = this.queue.shift()!;
      this.free -= next.bytes;
      next.resolve();
    }
  }
}

/**
 * `release` gives the reservation back: call it when the request has been answered, so that the
 * text, the parsed input and the answer built from it count against the budget too.
 */
export type BodyResult = { kind: 'ok'; text: string; release: () => void } | { kind: 'tooLarge' } | { kind: 'busy' } | { kind: 'aborted' };

/**
 * What one body costs while it is handled, per byte: the bytes, the decoded text and the parsed
 * input. Counting only the bytes, six 39 MiB bodies were still parsed two at a time (the host went
 * from 153 to 488 MiB); counted this way the largest bodies are handled one at a time and the peak
 * no longer grows with their number (npm run bench -- --bodies: 2, 6 and 12 bodies all ≈430 MiB).
 */
const COST_PER_BYTE = 3;

/** Reads a request body within MAX_BODY and the shared budget; never throws. */
export async function readBody(req: http.IncomingMessage, budget: BodyBudget): Promise<BodyResult> {
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  if (declared !== null && (!Number.isFinite(declared) || declared > MAX_BODY)) return { kind: 'tooLarge' };
  let reserved = 0;
  let kept = false;
  try {
    if (declared) {
      req.pause();
      const want = Math.min(declared * COST_PER_BYTE, budget.total);
      await budget.take(want);
      reserved = want;
    }
    const result = await new Promise<BodyResult>((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (result: BodyResult) => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
        req.off('close', onClose);
        resolve(result);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY || (declared !== null && size > declared)) return finish({ kind: 'tooLarge' });
        chunks.push(chunk);
        // chunked body: reserve as it grows (at most the whole budget), pausing the socket meanwhile
        const target = Math.min(size * COST_PER_BYTE, budget.total);
        if (target <= reserved) return;
        req.pause();
        const more = target - reserved;
        budget.take(more).then(
          () => {
            reserved += more;
            req.resume();
          },
          () => finish({ kind: 'busy' }),
        );
      };
      const onEnd = () => {
        const text = Buffer.concat(chunks).toString('utf8');
        chunks.length = 0;
        finish({ kind: 'ok', text, release: () => undefined });
      };
      const onError = () => finish({ kind: 'aborted' });
      const onClose = () => {
        if (!req.complete) finish({ kind: 'aborted' });
      };
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.on('close', onClose);
      req.resume();
    });
    if (result.kind !== 'ok') return result;
    kept = true;
    const held = reserved;
    let released = false;
    return {
      ...result,
      release: () => {
        if (!released && held) budget.give(held);
        released = true;
      },
    };
  } catch {
    return { kind: 'busy' };
  } finally {
    if (!kept && reserved) budget.give(reserved);
  }
}

/**
 * Answers a request whose body we will not read (too large, refused before reading): the answer
 * goes out first, the rest of the body is read and discarded for a moment so the client gets to
 * read it, then the connection closes.
 */
export function answerThenClose(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(JSON.stringify(body));
  if (req.complete) return;
  req.removeAllListeners('data');
  req.on('data', () => undefined);
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), 2000);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
}
