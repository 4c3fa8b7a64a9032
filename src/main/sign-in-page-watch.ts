import type { WebContents } from 'electron';
import { signInPageRefusal } from '../core/auth/sign-in-refusal';
import type { UploadError } from '../core/errors/upload-error';

/** Enough of a page's text to recognise Strava's refusal pages, never a whole page. */
const readText = 'document.body ? document.body.innerText.slice(0, 4000) : ""';

/**
 * Watches a sign-in window's pages for a refusal with no way forward (Strava's
 * athlete-cap page answers 403 and never redirects), and reports it at once.
 * `last()` is what the window last showed, so closing it afterwards says the same.
 */
export function watchSignInPages(
  contents: WebContents,
  onRefusal: (error: UploadError) => void,
): { last(): UploadError | undefined } {
  let status: number | undefined;
  let url: URL | undefined;
  let refusal: UploadError | undefined;
  contents.on('did-navigate', (_event, href, code) => {
    url = URL.canParse(href) ? new URL(href) : undefined;
    status = code;
    // Known from the status alone, before the text is read, in case the window closes first.
    refusal = url && code === 403 ? signInPageRefusal({ url, status: code, text: '' }) : undefined;
  });
  contents.on('did-finish-load', () => {
    const shown = url;
    if (!shown) return;
    contents
      .executeJavaScript(readText, false)
      .then((text: unknown) => (typeof text === 'string' ? text : ''))
      .catch(() => '')
      .then((text) => {
        if (shown !== url) return;
        const found = signInPageRefusal({ url: shown, text, ...(status ? { status } : {}) });
        refusal = found ?? refusal;
        if (refusal) onRefusal(refusal);
      })
      .catch(() => undefined);
  });
  return { last: () => refusal };
}
