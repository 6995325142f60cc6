// `npm run e2e`: browser end-to-end tests of the task pane and the dashboard against the real service.
//   1. checks for Debian's Chromium (never downloads a browser), builds dist/ (node build.mjs),
//   2. generates a demo fixture in a temp dir and starts `networksync serve` on a free loopback port,
//   3. waits for /healthz 200,
//   4. runs e2e/tests/*.test.mjs with node's test runner (one file at a time; each drives headless
//      Chromium through playwright-core),
//   5. always stops the service and removes the temp dir; prints the service's stderr when anything failed.
// Artifacts (screenshots, timings.json, service.log) go to e2e/artifacts/.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM, CHROMIUM_MISSING } from "./lib/env.mjs";
import { startService } from "./lib/service.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.join(here, "artifacts");
const TOTAL_BUDGET_MS = 110_000; // the whole run, service start included, stays well under 2 minutes

if (!existsSync(CHROMIUM)) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}

const started = Date.now();
mkdirSync(artifacts, { recursive: true });
// The service serves addin/dist: build it from the current sources first (esbuild, about a second).
const build = spawnSync(process.execPath, ["build.mjs"], { cwd: path.join(here, ".."), stdio: "inherit" });
if (build.status !== 0) {
  console.error("e2e: node build.mjs failed");
  process.exit(1);
}
let service = null;
let tests = null;
let failed = true;
let tmp = null; // fixture, database and the service's data folder (its key): removed at the end, always

const cleanup = () => {
  service?.killNow();
  tests?.kill("SIGKILL");
  if (tmp) rmSync(tmp, { recursive: true, force: true });
};
process.on("exit", cleanup);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    console.error(`e2e: ${sig}, stopping`);
    cleanup();
    process.exit(130);
  });
}
const budget = setTimeout(() => {
  console.error(`e2e: over the ${TOTAL_BUDGET_MS / 1000} s budget, stopping`);
  cleanup();
  printStderr();
  process.exit(1);
}, TOTAL_BUDGET_MS);
budget.unref();

function printStderr() {
  const text = service?.stderr ?? "";
  if (!text) return;
  const tail = text.length > 20_000 ? `…(cut)…\n${text.slice(-20_000)}` : text;
  console.error(`\n===== service stderr (full log: e2e/artifacts/service.log) =====\n${tail}\n===== end of service stderr =====`);
}

let code = 1;
try {
  const t0 = Date.now();
  tmp = mkdtempSync(path.join(os.tmpdir(), "networksync-e2e-"));
  service = await startService({ dir: tmp, log: path.join(artifacts, "service.log"), onSpawn: (h) => (service = h) });
  console.log(`e2e: service ${service.base} (pid ${service.pid}, clock frozen at ${service.asOf}) ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const files = readdirSync(path.join(here, "tests"))
    .filter((f) => f.endsWith(".test.mjs"))
    .sort()
    .map((f) => path.join("e2e", "tests", f));
  const only = process.argv.slice(2); // npm run e2e -- pane   runs only the files whose name contains "pane"
  const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
  if (selected.length === 0) throw new Error(`no test file in e2e/tests matches ${only.join(", ")}`);
  tests = spawn(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", ...selected], {
    cwd: path.join(here, ".."),
    stdio: "inherit",
    env: {
      ...process.env,
      NS_E2E_BASE: service.base,
      NS_E2E_SIGN_IN: service.signInUrl,
      NS_E2E_AS_OF: service.asOf,
      NS_E2E_ARTIFACTS: artifacts,
      // Dates render in local time: the browser contexts use the same zone (lib/browser.mjs).
      TZ: "America/Los_Angeles",
    },
  });
  code = await new Promise((resolve) => tests.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
  tests = null;
  failed = code !== 0;
} catch (e) {
  console.error(`e2e: ${e.message}`);
  if (e.serviceStderr) service = { stderr: e.serviceStderr, killNow() {} };
  failed = true;
  code = 1;
} finally {
  if (service?.stop) await service.stop();
  if (failed) printStderr();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = null;
  console.log(`e2e: ${failed ? "FAILED" : "passed"} in ${((Date.now() - started) / 1000).toFixed(1)} s; artifacts in e2e/artifacts/`);
}
process.exit(code);
