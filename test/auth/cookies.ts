/** One Set-Cookie header, parsed: the value and its attributes (lower-case names). */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function setCookies(headers: Record<string, unknown>): SetCookie[] {
  const raw = headers['set-cookie'];
  const lines = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return lines.map((line) => {
    const [pair, ...parts] = line.split(';').map((part) => part.trim());
    const index = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const part of parts) {
      const eq = part.indexOf('=');
      if (eq < 0) attributes[part.toLowerCase()] = true;
      else attributes[part.slice(0, eq).toLowerCase()] = part.slice(eq + 1);
    }
    return { name: pair.slice(0, index), value: decodeURIComponent(pair.slice(index + 1)), attributes };
  });
}

export function cookieNamed(headers: Record<string, unknown>, name: string): SetCookie | undefined {
  return setCookies(headers).find((cookie) => cookie.name === name);
}
