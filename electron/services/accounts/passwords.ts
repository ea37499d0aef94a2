import crypto from 'node:crypto';
import { promisify } from 'node:util';

/**
 * Password hashing with scrypt from node:crypto (RFC 7914), a random 16-byte salt per password,
 * and a timing-safe comparison. Stored as `scrypt$N$r$p$salt$hash` (base64url) so the cost can be
 * raised later without breaking stored hashes.
 */
const scrypt = promisify(crypto.scrypt) as (password: crypto.BinaryLike, salt: crypto.BinaryLike, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that, so give it room. */
const maxmem = (N: number, r: number) => 256 * N * r;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...COST, maxmem: maxmem(COST.N, COST.r) });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? DUMMY).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  const key = await scrypt(password.normalize('NFC'), salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
  // An account without a password (or an unknown name) still costs one scrypt: no timing hint.
  return stored !== null && crypto.timingSafeEqual(key, expected);
}

/** A well-formed hash of a random password, verified against when there is no real one. */
const DUMMY = ['scrypt', COST.N, COST.r, COST.p, crypto.randomBytes(16).toString('base64url'), crypto.randomBytes(KEY_LENGTH).toString('base64url')].join('$');
