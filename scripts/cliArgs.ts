/** `--name value` from the command line. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Prints a Chinese message and exits with 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
