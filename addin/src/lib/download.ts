// Saves data the page fetched (with its auth header, so a plain link would not do) as a file: an
// object URL on a temporary <a download>, clicked once, revoked a minute later.

export function saveBlob(doc: Document, blob: Blob, filename: string): void {
  const win = doc.defaultView ?? window;
  const url = win.URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url; // our own blob: URL (h() only lets http(s), mailto and relative links through)
  a.download = filename;
  a.hidden = true;
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
  }
}
