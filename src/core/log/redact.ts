import type { Logger } from '../ports';

/** Shapes that carry credentials in URLs, headers and form bodies. */
const credentialPatterns: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [
    /\b(access_token|refresh_token|client_secret|code|token)(["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi,
    '$1$2[redacted]',
  ],
];

/**
 * Masks secrets in a line of text: every value registered with `remember` and
 * anything shaped like a credential. Logs go through this, so a token can be
 * logged by mistake and still not leak.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret value (tokens, client secret) to be masked wherever it appears. */
  remember(secret: string | undefined | null): void {
    if (secret && secret.length >= 6) this.secrets.add(secret);
  }

  /** The text with every secret masked. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    for (const [pattern, replacement] of credentialPatterns)
      out = out.replace(pattern, replacement);
    return out;
  }
}

/** A Logger that writes redacted JSON lines to `sink`. */
export function createRedactingLogger(
  sink: (line: string) => void,
  redactor: Redactor,
  now: () => number = Date.now,
): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    sink(
      redactor.redact(
        JSON.stringify({ time: new Date(now()).toISOString(), level, message, ...fields }),
      ),
    );
  return { info: (m, f) => write('info', m, f), warn: (m, f) => write('warn', m, f) };
}
