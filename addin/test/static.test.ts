// @vitest-environment node
// Source and page rules that keep the UI XSS-safe and CSP-friendly.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./helpers";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = path.join(dir, n);
    return statSync(f).isDirectory() ? walk(f) : [f];
  });
}
const sources = walk(path.join(root, "src")).filter((f) => f.endsWith(".ts"));
const pages = ["taskpane.html", "index.html", "auth-redirect.html"].map((p) => [p, readFileSync(path.join(root, "src", p), "utf8")] as const);

describe("source rules", () => {
  it("never writes markup from strings or evaluates code", () => {
    const banned = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setAttribute\(\s*["']on|createContextualFragment/;
    const offenders = sources.filter((f) => banned.test(readFileSync(f, "utf8"))).map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
    expect(sources.length).toBeGreaterThan(10);
  });

  it("never writes style attributes (blocked by a strict CSP)", () => {
    const offenders = sources.filter((f) => /setAttribute\(\s*["']style|["']style["']\s*:/.test(readFileSync(f, "utf8"))).map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });
});

describe("HTML pages", () => {
  it.each(pages)("%s has no inline script, event handler or style", (_name, html) => {
    const scripts = Array.from(html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g));
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it("taskpane.html loads office.js from Microsoft's CDN as a plain script, before the bundle", () => {
    const html = pages[0]![1];
    const office = html.indexOf('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    const bundle = html.indexOf('<script type="module" src="taskpane.js"></script>');
    expect(office).toBeGreaterThan(0);
    expect(bundle).toBeGreaterThan(office);
    expect(html).toContain('<link rel="stylesheet" href="styles.css" />');
    expect(html).toContain("networksync:meta");
  });

  it("index.html uses absolute /addin/ paths (it is also served at /) and no office.js", () => {
    const html = pages[1]![1];
    expect(html).toContain('<script type="module" src="/addin/dashboard.js"></script>');
    expect(html).toContain('href="/addin/styles.css"');
    expect(html).not.toContain("office.js");
    expect(html).toContain('role="search"');
  });

  it.each(pages.slice(0, 2))("%s has a language, landmarks and live regions", (_name, html) => {
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toMatch(/<main id="ns-main"/);
    expect(html).toMatch(/<header\b/);
    expect(html).toMatch(/id="ns-status"[^>]*role="status"[^>]*aria-live="polite"/);
    expect(html).toMatch(/id="ns-alert"[^>]*role="alert"/);
  });
});
