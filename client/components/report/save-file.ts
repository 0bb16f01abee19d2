import { ApiError } from '../../lib/api/client';
import { accessTokenNow, refreshSession } from '../../lib/auth/token-store';

/** The file name of `Content-Disposition: attachment; filename="x.xlsx"` (or filename*=UTF-8''x.xlsx), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}

/**
 * GETs a binary endpoint of the API with the access token (the typed client reads JSON; a workbook is bytes).
 * An expired token is refreshed once, as the typed client does.
 */
export async function fetchBinary(path: string): Promise<Response> {
  const get = () =>
    fetch(`${window.location.origin}${path}`, {
      headers: { Authorization: `Bearer ${accessTokenNow() ?? ''}` },
      credentials: 'same-origin',
    });
  let response = await get();
  if (response.status === 401 && (await refreshSession().catch(() => null))) response = await get();
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw ApiError.from(response.status, body);
  }
  return response;
}

/** Hands a blob to the browser as a download named `fileName` (an <a download> click on a blob URL). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken its copy once the click is handled; give slow ones a moment before releasing it.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves a fetched file under the name the server gave it (Content-Disposition), else `fallbackName`; returns it. */
export async function saveResponse(response: Response, fallbackName: string): Promise<string> {
  const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(await response.blob(), fileName);
  return fileName;
}
