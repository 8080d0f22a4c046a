// The real PVA Medusa server (medusa-server/dist) with this plugin registered, on its own database.
import { ChildProcess, spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { freePort } from "./database"

export const SERVER_ROOT = path.resolve(__dirname, "..", "..", "..", "medusa-server")
const MAIN = path.join(SERVER_ROOT, "dist", "main.js")

function serverEnv(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl,
    REDIS_URL: "",
    MEDUSA_ADMIN_SERVE: "false",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "error",
    ...extra,
  }
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: SERVER_ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.once("exit", (code) => resolve({ code, output }))
  })
}

/** Medusa's migrations (the plugin's included) and the PVA seed, which creates the dev admin. */
export async function migrateAndSeed(databaseUrl: string, extra: Record<string, string> = {}) {
  const { code, output } = await run(["seed"], serverEnv(databaseUrl, extra))
  if (code !== 0) throw new Error(`seed failed (${code}):\n${output.slice(-4000)}`)
}

export type TestServer = { url: string; process: ChildProcess; logFile: string; stop: () => Promise<void> }

export async function startServer(databaseUrl: string, extra: Record<string, string> = {}): Promise<TestServer> {
  const port = await freePort()
  const logFile = path.join(os.tmpdir(), `pva-chain-sync-server-${port}.log`)
  const log = fs.openSync(logFile, "w")
  const child = spawn(process.execPath, [MAIN, "start"], {
    cwd: SERVER_ROOT,
    env: serverEnv(databaseUrl, { PORT: String(port), MEDUSA_BACKEND_URL: `http://127.0.0.1:${port}`, MEDUSA_SKIP_MIGRATIONS: "true", ...extra }),
    stdio: ["ignore", log, log],
  })
  fs.closeSync(log)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  let exited: number | null = null
  child.once("exit", (code) => (exited = code ?? -1))
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited}:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    process: child,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once("exit", () => resolve())
        child.kill("SIGTERM")
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref()
      }),
  }
}

export async function adminToken(url: string): Promise<string> {
  const res = await fetch(`${url}/admin/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@pvabazaar.local", password: "pva-admin-dev" }),
  })
  if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { access_token: string }).access_token
}
