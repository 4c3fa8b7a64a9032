import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  metaContentSecurityPolicy,
  withContentSecurityPolicy,
} from '../../src/main/content-security-policy';

const parse = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );

describe('the renderer CSP', () => {
  it('allows only the app itself and closes the network', () => {
    expect(parse(contentSecurityPolicy)).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
  });

  it('never allows inline or evaluated script', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe|\*/);
  });

  it('has a meta-tag form without frame-ancestors, which meta tags ignore', () => {
    const meta = parse(metaContentSecurityPolicy);
    expect(meta).not.toHaveProperty('frame-ancestors');
    const { 'frame-ancestors': _ignored, ...rest } = parse(contentSecurityPolicy);
    expect(meta).toEqual(rest);
  });

  it('replaces any policy a server sent, whatever its case, and keeps other headers', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [contentSecurityPolicy],
    });
  });

  it("is the policy in the renderer page's meta tag", () => {
    const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(metaContentSecurityPolicy);
  });
});
