import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { durableFileSink } from '../../electron/services/evidence/durableSink';
import { tempDataDir } from '../support/services';

const openFds = () => fs.readdirSync('/proc/self/fd').length;

function chunks(count: number, size: number, failAt?: number): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i === failAt) return this.destroy(new Error('来源中断'));
      if (i++ === count) return this.push(null);
      this.push(crypto.randomBytes(size));
    },
  });
}

describe('durableFileSink（证据写盘）', () => {
  it('writes every byte in order across many background flushes, and closes the file', async () => {
    const file = path.join(tempDataDir(), 'a.part');
    const hash = crypto.createHash('sha256');
    const source = chunks(80, 64 * 1024);
    source.on('data', (b: Buffer) => hash.update(b));
    const before = openFds();
    await pipeline(source, durableFileSink(file, 256 * 1024));
    expect(fs.statSync(file).size).toBe(80 * 64 * 1024);
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(hash.digest('hex'));
    await new Promise((r) => setTimeout(r, 50));
    expect(openFds()).toBe(before);
  });

  it('refuses an existing file and leaves it untouched; a failing source closes the file', async () => {
    const dir = tempDataDir();
    const existing = path.join(dir, 'b.part');
    fs.writeFileSync(existing, '原有内容');
    await expect(pipeline(chunks(2, 1024), durableFileSink(existing))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(existing, 'utf8')).toBe('原有内容');

    const before = openFds();
    await expect(pipeline(chunks(50, 64 * 1024, 20), durableFileSink(path.join(dir, 'c.part'), 128 * 1024))).rejects.toThrow('来源中断');
    await new Promise((r) => setTimeout(r, 50));
    expect(openFds()).toBe(before);
  });
});
