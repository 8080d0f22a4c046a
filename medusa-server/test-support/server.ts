import { ChildProcess, spawn, spawnSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { freePort } from "./database"

export const SERVER_ROOT = path.resolve(__dirname, "..")
const MAIN = path.join(SERVER_ROOT, "dist", "main.js")

export type SeedResult = {
  publishableKeys: { com: string; org: string }
  salesChannels: { com: string; org: string }
}

/** The environment a test server runs with: its own database, no admin bundle, quiet telemetry. */
export function serverEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
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

export function migrateAndSeed(databaseUrl: string, extra: Record<string, string> = {}): SeedResult {
  const result = spawnSync(process.execPath, [MAIN, "seed"], {
    cwd: SERVER_ROOT,
    env: serverEnv(databaseUrl, extra),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) {
    throw new Error(`seed failed (${result.status}):\n${result.stderr.slice(-4000)}\n${result.stdout.slice(-2000)}`)
  }
  const line = result.stdout.split("\n").find((l) => l.startsWith('{"seeded":true'))
  if (!line) throw new Error(`seed printed no result:\n${result.stdout.slice(-2000)}`)
  return JSON.parse(line)
}

/**
 * Limits for a suite whose many test customers all reach the server from one loopback
 * address: the per-client limits would otherwise stop it, not what it tests.
 */
export const RELAXED_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_LOGIN: "1000",
  RATE_LIMIT_LOGIN_PER_CLIENT: "100000",
  RATE_LIMIT_CHECKOUT_PER_IP: "1000",
  RATE_LIMIT_ACCOUNT_PER_CLIENT: "100000",
  RATE_LIMIT_ORDER_LOOKUP_PER_CLIENT: "100000",
  RATE_LIMIT_CATALOG_PER_CLIENT: "100000",
  TWIN_SIWE_ATTEMPTS_PER_MINUTE: "100000",
}

export type TestServer = {
  url: string
  port: number
  process: ChildProcess
  logFile: string
  stop: () => Promise<void>
}

/** `port` lets a caller seed with the server's URL (product images) before the server starts. */
export async function startServer(databaseUrl: string, extra: Record<string, string> = {}, port?: number): Promise<TestServer> {
  port ??= await freePort()
  const logFile = path.join(os.tmpdir(), `pva-server-${port}.log`)
  const log = fs.openSync(logFile, "w")
  const child = spawn(process.execPath, [MAIN, "start"], {
    cwd: SERVER_ROOT,
    env: serverEnv(databaseUrl, { PORT: String(port), MEDUSA_BACKEND_URL: `http://127.0.0.1:${port}`, ...extra }),
    stdio: ["ignore", log, log],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  let exited: number | null = null
  child.once("exit", (code) => (exited = code ?? -1))
  for (;;) {
    if (exited !== null) {
      throw new Error(`server exited with ${exited} before it was ready:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`)
    }
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    port,
    process: child,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve() // already gone (or killed by the test)
        child.once("exit", () => resolve())
        child.kill("SIGTERM")
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref()
      }),
  }
}
