// The real CLI in a child process, SIGKILLed in the middle of a backfill, then started again.
import { spawn } from "child_process"
import path from "path"
import { storedLogs, useChainAndDatabase } from "../../../test-support/database"
import { startRpcProxy } from "@pva/test-support/rpc-proxy"
import { waitFor } from "@pva/test-support/wait"

const CLI = path.join(__dirname, "..", "..", "..", "dist", "cli.js")

const stack = useChainAndDatabase("cli", { schema: false })
beforeAll(async () => {
  await stack.chain.mintAndTransfer(1_000, { perTx: 10 }) // 200 blocks with 10 Transfer logs each
})

function cliEnv(rpcUrls: string) {
  return {
    ...process.env,
    DATABASE_URL: stack.db.url,
    CHAIN_RPC_URLS: rpcUrls,
    CHAIN_ID: "31337",
    CHAIN_CONFIRMATIONS: "0",
    CHAIN_DEPLOYMENTS_DIR: stack.chain.writeDeployment(),
  }
}

/** Runs the CLI without blocking this process (the RPC proxy lives here). */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.once("error", reject)
    child.once("exit", (code) => {
      if (code === 0) resolve({ stdout, stderr })
      else reject(new Error(`pva-chain-sync ${args.join(" ")} failed (${code}): ${stderr}`))
    })
  })
}

describe("pva-chain-sync backfill", () => {
  it("killed mid-backfill, resumes from its cursor with no gap and no duplicate", async () => {
    const proxy = await startRpcProxy(stack.chain.url)
    proxy.behaviour.getLogsDelayMs = 15 // slow enough to be caught in the middle
    try {
      const env = cliEnv(proxy.url)
      expect((await cli(["migrate"], env)).stdout).toMatch(/tables ready/)
      const head = await stack.chain.head()

      const child = spawn(process.execPath, [CLI, "backfill", "--max-range", "1"], { env, stdio: ["ignore", "ignore", "pipe"] })
      let stderr = ""
      child.stderr.on("data", (d) => (stderr += d))
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
      await waitFor(async () => {
        const { rows } = await stack.db.pool.query(`SELECT min(block_number)::int AS b FROM chain_cursor`).catch(() => ({ rows: [] as any[] }))
        return rows[0]?.b > stack.chain.twin.blockNumber + 60
      }, 30_000, "backfill under way")
      child.kill("SIGKILL")
      await exited

      const { rows: [{ cursor }] } = await stack.db.pool.query(`SELECT min(block_number)::int AS cursor FROM chain_cursor`)
      expect(cursor).toBeLessThan(head) // really stopped in the middle
      const partial = await storedLogs(stack.db.pool)
      expect(partial.length).toBeGreaterThan(0)
      expect(Math.max(...partial.map((l) => l.block_number))).toBeLessThanOrEqual(cursor) // logs and cursor commit together

      proxy.behaviour.getLogsDelayMs = 0
      const resumed = await cli(["backfill"], env)
      expect(resumed.stderr).toMatch(/events\/s/)

      const canonical = (await stack.chain.canonicalLogs()).map((l) => `${l.block_hash}:${l.log_index}`)
      const stored = (await storedLogs(stack.db.pool)).map((l) => `${l.block_hash}:${l.log_index}`)
      expect(stored).toEqual(canonical) // same order, same count: no gap, no duplicate
      expect((await storedLogs(stack.db.pool, "event_name = 'Transfer'")).length).toBe(2_000)

      const status = JSON.parse((await cli(["status", "--json"], env)).stdout)
      expect(status.contracts.map((c: any) => [c.contract_name, c.cursor, c.lag])).toEqual([
        ["PVAMarket", head, 0],
        ["PVAShares", head, 0],
        ["PVATwin", head, 0],
      ])
      expect(status.contracts.find((c: any) => c.contract_name === "PVATwin").logs_ingested).toBe(
        (await storedLogs(stack.db.pool, `contract_address = '${stack.chain.twin.address.toLowerCase()}'`)).length,
      )
      expect((await cli(["status"], env)).stdout).toMatch(/PVATwin .* lag 0/)
    } finally {
      await proxy.close()
    }
  })
})
