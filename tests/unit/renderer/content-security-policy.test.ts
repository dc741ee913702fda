import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/content-security-policy';

describe('content security policy', () => {
  it('index.html carries exactly the policy both hosts send as a header', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no inline or remote script and no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
  });
});
