import { computeIdCheck } from '../../../electron/core/ids/idNumber';
import type { RunningHost } from './webHost';

/** Calls the host's JSON API the way the renderer does (token header); throws the Chinese message. */
export async function api<T>(host: RunningHost, method: string, input: unknown): Promise<T> {
  const token = new URL(host.url).searchParams.get('token')!;
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sucai-Token': token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

/** A valid 18-digit resident ID (GB 11643 check character computed). */
export function makeId(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + computeIdCheck(first17);
}

/** Uploads a file as evidence the way the renderer does in the browser (the body is the file). */
export async function uploadEvidence<T>(host: RunningHost, query: { caseId: number; fileName: string; track: string; submittedBy: string }, body: Buffer): Promise<T> {
  const token = new URL(host.url).searchParams.get('token')!;
  const params = new URLSearchParams({ ...query, caseId: String(query.caseId) });
  const response = await fetch(`${host.origin}/api/upload/evidence?${params}`, { method: 'POST', headers: { 'X-Sucai-Token': token }, body: new Uint8Array(body) });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`upload ${query.fileName}: ${result.error?.message}`);
  return result.value as T;
}
