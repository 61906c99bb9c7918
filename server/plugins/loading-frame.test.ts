import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// index.html is served as the first paint of every page: the app's frame in CSS, under a CSP
// (app.ts, helmet) whose script-src is 'self' only, so an inline script would be blocked.
const html = readFileSync(path.resolve(import.meta.dirname, '../../index.html'), 'utf8');
const root = /<div id="root">([\s\S]*?)<\/div>\s*<script/.exec(html)?.[1] ?? '';

describe('index.html loading frame', () => {
  it('has no inline script: every script has a src', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe('');
    }
  });

  it("paints the app's frame (header, navbar, rows) inside #root, not a bare spinner", () => {
    expect(root).toContain('class="boot-header"');
    expect(root).toContain('class="boot-navbar"');
    expect(root.match(/boot-row/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
  });

  it('tells assistive technology that the console is loading', () => {
    expect(root).toMatch(/role="status"[^>]*>Loading Customers Console/);
  });
});
