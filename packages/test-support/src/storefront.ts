// A storefront as shoppers get it: its production build served by its server.js (`npm start`), in front of a
// freshly seeded PVA server (following a freshly deployed hardhat chain for pvabazaar.org).
// The browser journeys' global setups and the Lighthouse benches both start it this way.
import { spawnSync } from "child_process"
import fs from "fs"
import path from "path"
import { startDeployedChain } from "./chain"
import { createTestDatabase, freePort, type TestDatabase } from "./database"
import { migrateAndSeed, startProcess, startServer, type SeedResult, type TestServer } from "./server"

/**
 * Limits for browser journeys: every browser here is 127.0.0.1, so per-client limits are tested
 * with forwarded addresses, which the server trusts from the loopback proxy the site plays.
 */
export const JOURNEY_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_LOGIN: "1000",
  RATE_LIMIT_LOGIN_PER_CLIENT: "1000",
  RATE_LIMIT_ACCOUNT_PER_CLIENT: "1000",
  RATE_LIMIT_CHECKOUT_PER_IP: "1000",
  TRUST_PROXY: "loopback",
}

/** Builds the Next.js app at `root` for production into `distDir` with `env`, then serves it on `port`. */
export async function buildAndServeNext(
  root: string,
  opts: { distDir: string; env: Record<string, string>; port: number; readyPath?: string }
): Promise<TestServer> {
  const nextBin = require.resolve("next/dist/bin/next", { paths: [root] })
  // NODE_ENV as in production (jest sets "test"): Secure cookies, production React.
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: opts.distDir, ...opts.env }
  fs.rmSync(path.join(root, opts.distDir), { recursive: true, force: true })
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`)
  const args = ["server.js", "-p", String(opts.port), "-H", "127.0.0.1"]
  return startProcess("next", { args, cwd: root, env, port: opts.port, readyPath: opts.readyPath ?? "/", timeoutMs: 60_000 })
}

export type StorefrontStack = Awaited<ReturnType<typeof startStorefrontStack>>

/**
 * `channel` picks the publishable key the site is built with; `chain` deploys the contracts on a
 * hardhat node the server and the site use (add FOLLOW_AT_ONCE to `serverEnv` for chain sync).
 * `serverEnv` receives the site's URL (for CORS, emailed links, SIWE); `seedArgs` go to
 * `main.js seed` (e.g. `--products 10000`).
 */
export async function startStorefrontStack(opts: {
  root: string
  label: string
  channel: "com" | "org"
  distDir: string
  chain?: boolean
  serverEnv?: (siteUrl: string) => Record<string, string>
  nextEnv?: Record<string, string>
  seedArgs?: string[]
  readyPath?: string
}) {
  const [sitePort, serverPort] = [await freePort(), await freePort()]
  const siteUrl = `http://127.0.0.1:${sitePort}`
  const serverUrl = `http://127.0.0.1:${serverPort}`
  const stack: {
    chain?: Awaited<ReturnType<typeof startDeployedChain>>
    db?: TestDatabase
    server?: TestServer
    storefront?: TestServer
  } = {}
  // Nothing may outlive a failed start.
  const stop = async () => {
    await stack.storefront?.stop()
    await stack.server?.stop()
    await Promise.all([stack.chain?.stop(), stack.db?.drop()])
  }
  try {
    if (opts.chain) stack.chain = await startDeployedChain(opts.label)
    const chainEnv = stack.chain ? stack.chain.env : {}
    stack.db = await createTestDatabase(opts.label)
    const seed: SeedResult = migrateAndSeed(stack.db.url, { ...chainEnv, MEDUSA_BACKEND_URL: serverUrl }, opts.seedArgs)
    stack.server = await startServer(
      stack.db.url,
      { ...chainEnv, STORE_CORS: siteUrl, ...opts.serverEnv?.(siteUrl) },
      serverPort
    )
    stack.storefront = await buildAndServeNext(opts.root, {
      distDir: opts.distDir,
      port: sitePort,
      readyPath: opts.readyPath,
      env: {
        NEXT_PUBLIC_MEDUSA_BACKEND_URL: serverUrl,
        NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: seed.publishableKeys[opts.channel],
        ...(stack.chain ? { NEXT_PUBLIC_CHAIN_ID: "31337", NEXT_PUBLIC_CHAIN_RPC_URL: stack.chain.url } : {}),
        ...opts.nextEnv,
      },
    })
    return { ...stack, db: stack.db, server: stack.server, storefront: stack.storefront, seed, siteUrl, serverUrl, stop }
  } catch (err) {
    await stop().catch(() => undefined)
    throw err
  }
}

/** For the journeys' tests: where everything is, in the variables the store helpers and suites read. */
export function exportStackEnv(stack: StorefrontStack) {
  process.env.PVA_TEST_SERVER_URL = stack.server.url
  process.env.PVA_TEST_DATABASE_URL = stack.db.url
  process.env.PVA_TEST_SEED = JSON.stringify(stack.seed)
  if (stack.chain) {
    process.env.PVA_TEST_CHAIN_URL = stack.chain.url
    process.env.PVA_TEST_DEPLOYMENTS_DIR = stack.chain.deploymentsDir
  }
  ;(globalThis as any).__PVA_TEST__ = stack
}
