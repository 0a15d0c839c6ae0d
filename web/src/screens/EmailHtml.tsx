/*
 * An email's HTML (sanitised on the server) in a frame of its own: sandboxed with no scripts and no
 * same-origin rights, so even markup that slipped past the sanitiser can neither run nor reach the
 * app, its cookie or its API. The frame is filled by srcdoc, which inherits the app's CSP (no
 * inline script or style, nothing from elsewhere). Links open in a new tab, outside the sandbox.
 */
export function EmailHtml({ html, subject }: { html: string; subject: string }) {
  const doc = `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"></head><body>${html}</body></html>`;
  return (
    <iframe
      className="email-html"
      title={`The email as formatted: ${subject}`}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={doc}
    />
  );
}
