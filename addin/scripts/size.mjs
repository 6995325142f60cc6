// Prints the gzipped size of every JS and CSS file in dist/, then what each page downloads up
// front (its entry, the chunks it imports statically and styles.css; lazily imported chunks such
// as MSAL are listed apart). Fails when the task pane's up-front total exceeds 200 KB gzipped.
//   node scripts/size.mjs        (after npm run build)
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const metaFile = path.join(root, ".build/meta.json");
export const PANE_BUDGET = 200 * 1024;

if (!existsSync(dist) || !existsSync(metaFile)) {
  console.error("size: dist/ is missing: run `npm run build` first.");
  process.exit(1);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rel = (file) => path.relative(root, file).split(path.sep).join("/");

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = walk(dist).filter((f) => /\.(js|css)$/.test(f)).sort();
const sizes = new Map(files.map((f) => [rel(f), { raw: statSync(f).size, gzip: gz(f) }]));
console.log("file".padEnd(58), "raw".padStart(10), "gzip".padStart(10));
for (const [name, s] of sizes) console.log(name.padEnd(58), kb(s.raw).padStart(10), kb(s.gzip).padStart(10));

const meta = JSON.parse(readFileSync(metaFile, "utf8"));
function closure(entry, kind) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? []) if (imp.kind === kind) visit(imp.path);
  };
  visit(entry);
  return seen;
}
function lazy(entry) {
  const eager = closure(entry, "import-statement");
  const found = new Set();
  for (const file of eager) {
    for (const imp of meta.outputs[file]?.imports ?? []) {
      if (imp.kind === "dynamic-import") for (const f of closure(imp.path, "import-statement")) if (!eager.has(f)) found.add(f);
    }
  }
  return found;
}

let failed = false;
for (const [page, entry, budget] of [
  ["task pane", "dist/taskpane.js", PANE_BUDGET],
  ["dashboard", "dist/dashboard.js", null],
]) {
  const eager = [...closure(entry, "import-statement"), "dist/styles.css"];
  const total = eager.reduce((a, f) => a + (sizes.get(f)?.gzip ?? 0), 0);
  const later = [...lazy(entry)];
  const lazyTotal = later.reduce((a, f) => a + (sizes.get(f)?.gzip ?? 0), 0);
  const over = budget !== null && total > budget;
  failed ||= over;
  console.log(
    `\n${page}: ${kb(total)} gzipped up front (${eager.length} files)` +
      (budget !== null ? `, budget ${kb(budget)}: ${over ? "OVER BUDGET" : "ok"}` : "") +
      (later.length ? `; loaded only in Entra mode: ${kb(lazyTotal)} (${later.length} files)` : ""),
  );
}
if (failed) {
  console.error("size: the task pane is over its 200 KB gzipped budget.");
  process.exit(1);
}
