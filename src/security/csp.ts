// The built site's Content-Security-Policy, as a <meta> tag in index.html (a static host needs no
// header of its own for it). Scripts, workers, styles and connections come from the site itself
// only: no inline script, no eval, no style attributes in markup (the page sets styles through the
// CSSOM), nothing fetched from another origin. A live class's WebSocket goes to the class server,
// served from the page's own origin: 'self' covers ws:/wss: to it (CSP Level 3; checked by
// tests/browser/security.test.ts). Images may be data: URLs: Phaser makes its default textures
// from them, and the page's icon is one. The dev server is left without it: Vite injects its
// styles there as <style> elements.
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Puts the policy first in the head of every page the build writes. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'shells-for-oil-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
