// Builds dist/: the task pane, the dashboard and the MSAL redirect page as ES modules (code shared
// between them, and MSAL, in hashed chunks under dist/chunks/), minified with source maps; the
// stylesheet with Fluent 2 design tokens for light and dark; the HTML pages, icons and manifests.
//   node build.mjs            build once
//   node build.mjs --watch    rebuild on change
import * as esbuild from "esbuild";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, "dist");
const watch = process.argv.includes("--watch");

/** Custom properties for the tokens styles.css uses, per theme. */
export function tokenCss(css) {
  const used = [...new Set([...css.matchAll(/var\(--([A-Za-z0-9]+)/g)].map((m) => m[1]))].filter((name) => name in webLightTheme).sort();
  const block = (theme) => used.map((name) => `  --${name}: ${theme[name]};`).join("\n");
  return `:root,\n[data-theme="light"] {\n${block(webLightTheme)}\n}\n[data-theme="dark"] {\n${block(webDarkTheme)}\n}\n`;
}

const common = {
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ["es2020", "chrome90", "edge90", "firefox90", "safari15"],
  logLevel: "warning",
  legalComments: "linked",
};

async function buildCss() {
  const css = await readFile(path.join(root, "src/styles.css"), "utf8");
  await esbuild.build({
    ...common,
    stdin: { contents: `/* Fluent 2 design tokens (@fluentui/tokens) */\n${tokenCss(css)}\n${css}`, loader: "css", sourcefile: "styles.css", resolveDir: path.join(root, "src") },
    outfile: path.join(dist, "styles.css"),
  });
}

async function copyStatic() {
  for (const page of ["taskpane.html", "index.html", "auth-redirect.html"]) {
    await cp(path.join(root, "src", page), path.join(dist, page));
  }
  await mkdir(path.join(dist, "assets"), { recursive: true });
  for (const file of await readdir(path.join(root, "assets"))) {
    if (file.endsWith(".png")) await cp(path.join(root, "assets", file), path.join(dist, "assets", file));
  }
  for (const file of ["manifest.xml", "manifest.json"]) await cp(path.join(root, file), path.join(dist, file));
}

const jsOptions = {
  ...common,
  entryPoints: {
    taskpane: path.join(root, "src/taskpane.ts"),
    dashboard: path.join(root, "src/dashboard.ts"),
    "auth-redirect": path.join(root, "src/auth-redirect.ts"),
  },
  outdir: dist,
  format: "esm",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  define: { "process.env.NODE_ENV": '"production"' },
};

async function writeMeta(result) {
  // Kept out of dist/ (never served): scripts/size.mjs reads it to find each page's static imports.
  await mkdir(path.join(root, ".build"), { recursive: true });
  await writeFile(path.join(root, ".build/meta.json"), JSON.stringify(result.metafile, null, 1));
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

if (watch) {
  const ctx = await esbuild.context({ ...jsOptions, plugins: [{ name: "after", setup: (b) => b.onEnd(async (r) => r.metafile && (await writeMeta(r), await buildCss(), await copyStatic())) }] });
  await ctx.watch();
  console.log("watching src/ (Ctrl+C to stop)");
} else {
  const result = await esbuild.build(jsOptions);
  await writeMeta(result);
  await buildCss();
  await copyStatic();
  const outputs = Object.keys(result.metafile.outputs).filter((f) => !f.endsWith(".map")).length;
  console.log(`built ${outputs} files into dist/`);
}
