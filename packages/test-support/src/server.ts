import { ChildProcess, spawn, spawnSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { freePort } from "./database"
const { cloneTemplate, saveTemplate, templateFor } = require("./seed-template")

/** The PVA server's workspace, found by package name; tests run its build (`npm run build -w @pva/medusa-server`). */
export const SERVER_ROOT = path.dirname(require.resolve("@pva/medusa-server/package.json"))
export const SERVER_MAIN = path.join(SERVER_ROOT, "dist", "main.js")

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

/** Migrates and seeds with the project's own seed (`main.js seed …args`); returns its publishable keys and sales channels. */
export function migrateAndSeed(databaseUrl: string, extra: Record<string, string> = {}, args: string[] = []): SeedResult {
  const env = serverEnv(databaseUrl, extra)
  // An empty database gets a copy of an earlier identical seed when there is one (seed-template.js).
  const template = templateFor(env, args)
  const copied: SeedResult | null = template && cloneTemplate(template, databaseUrl)
  if (copied) return copied
  const result = spawnSync(process.execPath, [SERVER_MAIN, "seed", ...args], {
    cwd: SERVER_ROOT,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) {
    throw new Error(`seed failed (${result.status}):\n${String(result.stderr).slice(-4000)}\n${String(result.stdout).slice(-2000)}`)
  }
  const line = result.stdout.split("\n").find((l) => l.startsWith('{"seeded":true'))
  if (!line) throw new Error(`seed printed no result:\n${result.stdout.slice(-2000)}`)
  const seeded: SeedResult = JSON.parse(line)
  if (template) saveTemplate(template, databaseUrl, seeded)
  return seeded
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
  RATE_LIMIT_STORE_LISTS_PER_CLIENT: "100000",
  TWIN_SIWE_ATTEMPTS_PER_MINUTE: "100000",
}

export type ProcessEnd = { code: number | null; signal: NodeJS.Signals | null }

export type TestServer = {
  name: string
  url: string
  port: number
  pid: number
  process: ChildProcess
  logFile: string
  /** SIGTERM (SIGKILL after 10 s); resolves with how the process ended. */
  stop: () => Promise<ProcessEnd>
  removeLog: () => void
}

/**
 * Starts a Node script as a child process on `port` (its log in the temp folder) and waits until
 * GET `readyPath` answers 2xx; a process that exits or is not ready in `timeoutMs` is stopped and
 * its log's tail thrown.
 */
export async function startProcess(
  name: string,
  opts: { args: string[]; cwd: string; env: NodeJS.ProcessEnv; port: number; readyPath?: string; timeoutMs?: number }
): Promise<TestServer> {
  // 5 minutes: on the shared 2-core machine a server's first start has taken more than 2.
  const { port, readyPath = "/health", timeoutMs = 300_000 } = opts
  const logFile = path.join(os.tmpdir(), `pva-${name}-${port}.log`)
  const log = fs.openSync(logFile, "w")
  const child = spawn(process.execPath, opts.args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", log, log] })
  fs.closeSync(log)
  const url = `http://127.0.0.1:${port}`
  let exited: number | null = null
  child.once("exit", (code) => (exited = code ?? -1))

  const stop = () =>
    new Promise<ProcessEnd>((resolve) => {
      // already gone (or killed by the test)
      if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode })
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000)
      child.once("exit", (code, signal) => {
        clearTimeout(killer)
        resolve({ code, signal })
      })
      child.kill("SIGTERM")
    })
  const tail = () => fs.readFileSync(logFile, "utf8").slice(-4000)

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (exited !== null) throw new Error(`${name} exited with ${exited} before it was ready:\n${tail()}`)
    try {
      const res = await fetch(`${url}${readyPath}`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${tail()}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return { name, url, port, pid: child.pid!, process: child, logFile, stop, removeLog: () => fs.rmSync(logFile, { force: true }) }
}

/** The PVA server as `npm start` runs it. `port` lets a caller seed with the server's URL (product images) before it starts. */
export async function startServer(databaseUrl: string, extra: Record<string, string> = {}, port?: number): Promise<TestServer> {
  port ??= await freePort()
  const env = serverEnv(databaseUrl, { PORT: String(port), MEDUSA_BACKEND_URL: `http://127.0.0.1:${port}`, ...extra })
  return startProcess("server", { args: [SERVER_MAIN, "start"], cwd: SERVER_ROOT, env, port })
}
