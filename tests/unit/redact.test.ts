import { describe, expect, it } from 'vitest';
import { Redactor, createRedactingLogger } from '../../src/core/log/redact';

describe('Redactor', () => {
  it('masks remembered secrets and credential-shaped text', () => {
    const redactor = new Redactor();
    redactor.remember('s3cr3t-refresh-token');
    const lines: string[] = [];
    const logger = createRedactingLogger(
      (l) => lines.push(l),
      redactor,
      () => 0,
    );
    logger.info('refreshed', { note: 'got s3cr3t-refresh-token back' });
    logger.warn('request', {
      header: 'Authorization: Bearer abc.def-123',
      body: 'client_secret=xyz&code=42&grant_type=x',
    });
    const text = lines.join('\n');
    expect(text).not.toContain('s3cr3t-refresh-token');
    expect(text).not.toContain('abc.def-123');
    expect(text).not.toContain('xyz');
    expect(text).toContain('grant_type=x');
    expect(text).toContain('Bearer [redacted]');
  });

  it('masks JSON-shaped tokens', () => {
    const out = new Redactor().redact('{"access_token":"aaaa1111","expires_at":5}');
    expect(out).toBe('{"access_token":"[redacted]","expires_at":5}');
  });
});
