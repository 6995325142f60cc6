// @vitest-environment node
// The built output (npm test builds first): what the service serves from addin/dist/.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./helpers";

const dist = path.join(root, "dist");
const built = existsSync(path.join(dist, "taskpane.js"));
const read = (f: string) => readFileSync(path.join(dist, f), "utf8");

describe.skipIf(!built)("dist/ (run `npm run build` first)", () => {
  it("has the pages, bundles with source maps, styles, icons and manifests", () => {
    for (const f of ["taskpane.html", "index.html", "auth-redirect.html", "taskpane.js", "taskpane.js.map", "dashboard.js", "dashboard.js.map", "auth-redirect.js", "styles.css", "manifest.xml", "manifest.json"]) {
      expect(existsSync(path.join(dist, f)), f).toBe(true);
    }
    for (const s of [16, 32, 64, 80, 128]) expect(existsSync(path.join(dist, `assets/icon-${s}.png`))).toBe(true);
    expect(read("taskpane.js")).toMatch(/\/\/# sourceMappingURL=taskpane\.js\.map\s*$/);
  });

  it("every module a page imports exists", () => {
    for (const entry of ["taskpane.js", "dashboard.js", "auth-redirect.js"]) {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        expect(existsSync(path.join(dist, file)), `${file} (imported from ${entry})`).toBe(true);
        const code = read(file);
        for (const m of code.matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+\.js)"/g)) visit(path.posix.join(path.posix.dirname(file), m[1]!));
      };
      visit(entry);
      expect(seen.size).toBeGreaterThan(1);
    }
  });

  it("keeps MSAL out of the task pane's static imports (loaded only in Entra mode)", () => {
    const pane = read("taskpane.js");
    const statics = Array.from(pane.matchAll(/from\s*"\.\/(chunks\/[^"]+\.js)"/g)).map((m) => m[1]!);
    const code = [pane, ...statics.map(read)].join("\n");
    expect(code).not.toContain("createNestablePublicClientApplication");
    expect(code).toMatch(/import\("\.\/msal-[A-Z0-9]+\.js"\)/);
  });

  it("writes Fluent tokens for both themes into styles.css", () => {
    const css = read("styles.css");
    expect(css).toMatch(/\[data-theme=light\]\{[^}]*--colorNeutralBackground1:\s*#ffffff/);
    expect(css).toMatch(/\[data-theme=dark\]\{[^}]*--colorNeutralBackground1:\s*#292929/);
  });

  it("copies the manifests unchanged, placeholder and all", () => {
    expect(read("manifest.xml")).toBe(readFileSync(path.join(root, "manifest.xml"), "utf8"));
    expect(read("manifest.xml")).toContain("https://localhost:5180/addin/taskpane.html");
  });
});
