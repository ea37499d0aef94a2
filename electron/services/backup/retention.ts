import fs from 'node:fs';
import path from 'node:path';
import { STORE_DIR, listBackups } from './layout';
import { listDir } from './durable';

const HOUR = 3600_000;

/**
 * Keeps the newest `keep` backups in a folder and removes the rest, then the store files no
 * remaining backup lists. Store files younger than an hour are left alone (a backup being written
 * by another process may have just copied them), as are unfinished .partial folders younger than a day.
 */
export function applyRetention(folder: string, keep: number, now = Date.now()): string[] {
  const backups = listBackups(folder, 'folder');
  const removed: string[] = [];
  for (const old of backups.slice(keep)) {
    fs.rmSync(old.dir, { recursive: true, force: true });
    removed.push(old.manifest.name);
  }
  for (const name of listDir(folder)) {
    const dir = path.join(folder, name);
    if (name.startsWith('.sucai-') && name.endsWith('.partial') && now - fs.statSync(dir).mtimeMs > 24 * HOUR) fs.rmSync(dir, { recursive: true, force: true });
  }
  const used = new Set(backups.slice(0, keep).flatMap((b) => b.manifest.files.map((f) => f.sha256)));
  const store = path.join(folder, STORE_DIR);
  for (const prefix of listDir(store)) {
    const dir = path.join(store, prefix);
    for (const name of listDir(dir)) {
      const file = path.join(dir, name);
      if (used.has(name)) continue;
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat && now - stat.mtimeMs > HOUR) fs.rmSync(file, { force: true });
    }
  }
  return removed;
}
