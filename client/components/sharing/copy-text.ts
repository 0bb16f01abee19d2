/**
 * Puts `text` on the clipboard: the async Clipboard API where the page may use it (a secure context with
 * permission), otherwise a hidden textarea and the older copy command. False when neither worked (the text is
 * still shown in the page for the person to copy by hand).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/** The shared page's full address, from the path the API answers (relative to this origin). */
export const absoluteShareUrl = (path: string): string => `${window.location.origin}${path}`;
