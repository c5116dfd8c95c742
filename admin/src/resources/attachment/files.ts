import { getOffice, getToken } from '../../authProvider';
import { toHttpError } from '../../dataProvider/errors';

/*
 * Files go over plain HTTP, not GraphQL (Apollo has no multipart upload): POST /files with the file
 * as the body, GET /files/<id>, with the session's token (and a root user's office) as every GraphQL
 * request carries them. A refusal comes back as GraphQL errors do, so it is translated the same way.
 */

/** What the file picker offers: photos (the camera on a phone) and what the API takes besides. */
export const ACCEPT = 'image/*,application/pdf,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

function headers(): Record<string, string> {
  const token = getToken();
  const office = token ? getOffice() : null;
  return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(office ? { 'x-office': office.id } : {}) };
}

/** A failed file request as the data provider's failures are (message key, status, the API's extensions). */
async function failure(res: Response): Promise<unknown> {
  const body = (await res.json().catch(() => null)) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
  return toHttpError({ graphQLErrors: body?.errors ?? [{ message: 'ra.notification.http_error', extensions: { code: res.status === 404 ? 'NOT_FOUND' : undefined } }] });
}

/** Uploads one file to a record; resolves with the new (or, for the same file again, the existing) attachment's id. */
export async function uploadFile(targetType: string, targetId: string, file: File): Promise<string> {
  const query = new URLSearchParams({ targetType, targetId, name: file.name });
  const res = await fetch(`/files?${query}`, { method: 'POST', headers: { ...headers(), 'content-type': file.type || 'application/octet-stream' }, body: file });
  if (!res.ok) throw await failure(res);
  return ((await res.json()) as { id: string }).id;
}

/** The file's bytes (with the session's token), as a Blob. */
export async function fetchFile(url: string): Promise<Blob> {
  const res = await fetch(url, { headers: headers() });
  if (!res.ok) throw await failure(res);
  return res.blob();
}

/** Saves a file under its name (an Office document, or a PDF to keep). */
export async function saveFile(url: string, fileName: string): Promise<void> {
  const href = URL.createObjectURL(await fetchFile(url));
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(href);
    a.remove();
  }, 1000);
}
