/** What the typed client (openapi-fetch) resolves with for an answer of `status`: data on success, error otherwise. */
export const apiAnswer = (status: number, body?: unknown) =>
  Promise.resolve({
    data: status < 400 ? body : undefined,
    error: status >= 400 ? body : undefined,
    response: { ok: status < 400, status } as Response,
  });
