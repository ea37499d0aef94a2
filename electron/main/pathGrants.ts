import path from 'node:path';

/**
 * Local paths the user handed to the app in this session: picked in the native dialog or dropped
 * on the window. A contract method that names a local path is served only for granted paths, and
 * each grant is used once (the dispatcher takes them). Nothing else on the disk can be named.
 */
const granted = new Set<string>();

export function grantPaths(paths: readonly string[]): void {
  for (const p of paths) if (path.isAbsolute(p)) granted.add(path.normalize(p));
}

/** All-or-nothing: true and consumed when every path was granted; false and untouched otherwise. */
export function takeGrantedPaths(paths: readonly string[]): boolean {
  const wanted = paths.map((p) => path.normalize(p));
  if (!wanted.every((p) => granted.has(p))) return false;
  for (const p of wanted) granted.delete(p);
  return true;
}
