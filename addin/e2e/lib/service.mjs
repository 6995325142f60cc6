// Starts the real NetworkSync service in demo mode for the browser tests: a generated fixture in a
// temp dir, its own database and data folder (so the per-install key never lands in the repo), a free
// loopback port, and a frozen clock (--as-of) so relative times read the same in the test and the page.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const addinRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const repoRoot = path.resolve(addinRoot, "..");
export const defaultDll = path.join(repoRoot, "src", "NetworkSync.App", "bin", "Release", "net10.0", "networksync.dll");

/** A port nobody listens on right now (the service binds it a moment later). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The service's environment: ours, less anything that would hand it a key or another config. */
function serviceEnv(dataFolder) {
  const env = { ...process.env };
  delete env.NETWORKSYNC_LOCAL_KEY; // a fresh random key: the tests sign in with the printed URL, as a user does
  for (const k of Object.keys(env)) if (k.startsWith("ASPNETCORE_") || k.startsWith("Graph__")) delete env[k];
  return {
    ...env,
    DataFolder: dataFolder,
    Addin__DistPath: path.join(addinRoot, "dist"),
    DOTNET_CLI_TELEMETRY_OPTOUT: "1",
    DOTNET_NOLOGO: "1",
  };
}

/** The namesakes planted in the fixture: one name at two addresses, each writing on their own. */
export const NAMESAKES = { name: "Quinn Harper", addresses: ["quinn.harper@northwind.example", "qharper@tailwindtraders.example"] };

/**
 * Adds two messages from NAMESAKES to the owner's inbox, a week and a day before `asOf`, each in its own
 * thread: the same full name and no evidence that they are one person, so a merge suggestion. (The
 * demo generator's namesakes all come with evidence or appear side by side, so it plants none.)
 */
function plantNamesakes(fixture, asOf) {
  const users = JSON.parse(readFileSync(path.join(fixture, "users.json"), "utf8")).value;
  const owner = users[0];
  const file = path.join(fixture, "users", owner.id, "mailFolders", "inbox", "messages.json");
  const inbox = JSON.parse(readFileSync(file, "utf8"));
  const folderId = inbox.value[0]?.parentFolderId;
  NAMESAKES.addresses.forEach((address, i) => {
    const at = new Date(Date.parse(asOf) - (i === 0 ? 7 : 1) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const who = { emailAddress: { name: NAMESAKES.name, address } };
    inbox.value.push({
      id: `AAMk-e2e-namesake-${i}`,
      createdDateTime: at,
      lastModifiedDateTime: at,
      receivedDateTime: at,
      sentDateTime: at,
      hasAttachments: false,
      internetMessageId: `<e2e-namesake-${i}@${address.split("@")[1]}>`,
      subject: i === 0 ? "Coffee next week?" : "Invoice 2291",
      importance: "normal",
      parentFolderId: folderId,
      conversationId: `AAQk-e2e-namesake-${i}`,
      isRead: true,
      isDraft: false,
      inferenceClassification: "focused",
      sender: who,
      from: who,
      toRecipients: [{ emailAddress: { name: owner.displayName, address: owner.mail } }],
      ccRecipients: [],
      bccRecipients: [],
    });
  });
  writeFileSync(file, JSON.stringify(inbox));
}

/**
 * Generates a fixture and starts `networksync serve` on a free loopback port; resolves once /healthz
 * answers 200 (the first sync finished). The returned handle's stop() always ends the process.
 */
export async function startService({ dir, dll = defaultDll, contacts = 60, log, timeoutMs = 60_000, onSpawn } = {}) {
  if (!existsSync(dll)) {
    throw new Error(`The service is not built (${dll} is missing): cd ${repoRoot} && dotnet build NetworkSync.sln -c Release`);
  }
  // (the caller owns `dir` when it passes one, and removes it; otherwise it is removed on failure)
  const ownsDir = !dir;
  dir ??= mkdtempSync(path.join(os.tmpdir(), "networksync-e2e-"));
  const fixture = path.join(dir, "fixture");
  const dataFolder = path.join(dir, "data");
  mkdirSync(dataFolder, { recursive: true });
  // Now, to the minute: the fixture is generated around it and the service's clock is frozen at it.
  const asOf = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");

  const gen = spawnSync("dotnet", [dll, "demo-fixture", "--out", fixture, "--contacts", String(contacts), "--as-of", asOf], {
    cwd: dir,
    env: serviceEnv(dataFolder),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (gen.status !== 0) {
    if (ownsDir) rmSync(dir, { recursive: true, force: true });
    throw new Error(`demo-fixture failed (exit ${gen.status ?? gen.signal}):\n${gen.stdout}\n${gen.stderr}`);
  }

  plantNamesakes(fixture, asOf);

  let stderr = "";
  let stdout = "";
  let lastError = null;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const port = await freePort();
    const child = spawn(
      "dotnet",
      [dll, "serve", "--fixture", fixture, "--db", path.join(dir, `networksync-${attempt}.db`), "--as-of", asOf, "--urls", `http://127.0.0.1:${port}`],
      { cwd: dir, env: serviceEnv(dataFolder), stdio: ["ignore", "pipe", "pipe"] },
    );
    const logStream = log ? createWriteStream(log, { flags: attempt === 1 ? "w" : "a" }) : null;
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d) => {
      stdout += d;
      logStream?.write(d);
    });
    child.stderr.on("data", (d) => {
      stderr += d;
      if (stderr.length > 2_000_000) stderr = stderr.slice(-1_000_000);
      logStream?.write(d);
    });
    let exited = null;
    const exitPromise = new Promise((resolve) =>
      child.on("exit", (code, signal) => {
        exited = { code, signal };
        logStream?.end();
        resolve(exited);
      }),
    );

    const handle = {
      dir,
      asOf,
      fixture,
      pid: child.pid,
      base: null,
      /** The URL the service printed: it carries this run's sign-in token (`?token=`). */
      signInUrl: null,
      get stderr() {
        return stderr;
      },
      get stdout() {
        return stdout;
      },
      /** SIGTERM, then SIGKILL after 5 s; resolves when the process is gone. */
      async stop() {
        if (exited) return exited;
        child.kill("SIGTERM");
        const timer = setTimeout(() => {
          if (!exited) child.kill("SIGKILL");
        }, 5_000);
        const result = await exitPromise;
        clearTimeout(timer);
        return result;
      },
      /** Synchronous last resort (process 'exit' handlers). */
      killNow() {
        if (!exited) {
          try {
            child.kill("SIGKILL");
          } catch {
            // already gone
          }
        }
      },
    };

    onSpawn?.(handle); // so the caller can kill it even while we wait for it
    try {
      const deadline = Date.now() + timeoutMs;
      // stdout carries only "NetworkSync (demo mode) is running: open <url>/?token=<token>" once listening.
      while (!handle.base) {
        if (exited) throw new Error(`the service exited (${exited.code ?? exited.signal}) before listening`);
        if (Date.now() > deadline) throw new Error(`the service did not say it was listening within ${timeoutMs / 1000} s`);
        const m = /is running: open (http:\/\/\S+)\s*$/m.exec(stdout);
        if (m) {
          handle.signInUrl = m[1];
          handle.base = new URL(m[1]).origin;
        } else await sleep(100);
      }
      for (;;) {
        if (exited) throw new Error(`the service exited (${exited.code ?? exited.signal}) before /healthz answered 200`);
        if (Date.now() > deadline) throw new Error(`/healthz did not answer 200 within ${timeoutMs / 1000} s`);
        try {
          const res = await fetch(`${handle.base}/healthz`, { signal: AbortSignal.timeout(2_000) });
          if (res.status === 200) break;
        } catch {
          // not answering yet
        }
        await sleep(200);
      }
      return handle;
    } catch (e) {
      await handle.stop();
      lastError = e;
      // A port taken between freePort() and the bind is worth one more try; anything else is not.
      if (!/address already in use/i.test(stderr)) break;
    }
  }
  const err = new Error(`${lastError?.message ?? "the service did not start"}`);
  err.serviceStderr = stderr;
  if (ownsDir) rmSync(dir, { recursive: true, force: true });
  throw err;
}
