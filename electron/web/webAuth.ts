import crypto from 'node:crypto';
import type http from 'node:http';
import type { Caller, SessionGrant } from '../core/contract';
import type { Services } from '../services/createServices';
import { systemCaller } from '../services/caller';

/**
 * Who a web request comes from. People sign in and get a session cookie (HttpOnly, SameSite=Strict,
 * expiring with the session; the database keeps only its hash, so a restarted host still knows
 * open tabs). In automation mode (tests, benchmarks, scripts) the per-launch token also acts as
 * the built-in 系统 account: in the X-Sucai-Token header; in the query string only for a GET
 * download that a link must open, and for the page itself, which then gets an automation cookie.
 */
export type WebAuth = ReturnType<typeof webAuth>;

export function webAuth(services: Services, options: { port: () => number; token: string | null }) {
  /** Cookies of pages opened with the automation token: in memory, gone when the host stops. */
  const automationSessions = new Set<string>();
  const cookieName = () => `sucai_session_${options.port()}`; // hosts on other ports keep their own

  const tokenMatches = (given: string | null | undefined) => {
    if (!options.token || !given) return false;
    const a = Buffer.from(String(given));
    const b = Buffer.from(options.token);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  };

  function sessionToken(req: http.IncomingMessage): string | null {
    const header = req.headers.cookie ?? '';
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === cookieName()) return part.slice(eq + 1).trim() || null;
    }
    return null;
  }

  function cookie(value: string, maxAgeSeconds: number): string {
    return `${cookieName()}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`;
  }

  return {
    automation: options.token !== null,

    /** The caller of an /api request: an account (or 系统 in automation), or nobody. */
    callerFor(req: http.IncomingMessage, url: URL): Caller {
      const downloadLink = (req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith('/api/files/');
      if (tokenMatches(req.headers['x-sucai-token'] as string | undefined) || (downloadLink && tokenMatches(url.searchParams.get('token')))) {
        return systemCaller('web');
      }
      const token = sessionToken(req);
      if (token && automationSessions.has(token)) return systemCaller('web');
      const resolved = token ? services.resolveSession(token) : null;
      return resolved ? { host: 'web', ...resolved } : { host: 'web', account: null };
    },

    /** The page opened with the automation token: a cookie for it, so the app needs no token. */
    automationCookie(url: URL): string | null {
      if (!tokenMatches(url.searchParams.get('token'))) return null;
      const value = crypto.randomBytes(32).toString('base64url');
      automationSessions.add(value);
      return cookie(value, 12 * 3600);
    },

    grantCookie(grant: SessionGrant): string {
      const seconds = Math.max(0, Math.floor((Date.parse(grant.expiresAt) - Date.now()) / 1000));
      return cookie(grant.token, seconds);
    },

    /** Signing out: the cookie is cleared (the session row is already gone). */
    clearCookie(req: http.IncomingMessage): string {
      const token = sessionToken(req);
      if (token) automationSessions.delete(token);
      return cookie('', 0);
    },

    /** The session token a request carries (to close its event streams on sign-out). */
    sessionToken,
  };
}
