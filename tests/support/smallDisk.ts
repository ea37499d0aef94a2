/**
 * A real small file system for disk-full and read-only tests: a tmpfs of a given size, mounted
 * by root (CI and the team's machines run as root). Where mounting is not possible the tests
 * that need it are skipped with this reason.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { tempDataDir } from './services';

export const smallDiskUnavailable: string | null = (() => {
  if (process.platform !== 'linux') return 'tmpfs 只在 Linux 上可用';
  if (process.getuid?.() !== 0) return '挂载 tmpfs 需要 root';
  return null;
})();

export type SmallDisk = { dir: string; remount: (options: string) => void; unmount: () => void };

export function mountSmallDisk(sizeKiB: number): SmallDisk {
  const dir = tempDataDir('sucai-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0755`, 'tmpfs', dir]);
  return {
    dir,
    remount: (options) => execFileSync('mount', ['-o', `remount,${options}`, dir]),
    unmount: () => {
      execFileSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
