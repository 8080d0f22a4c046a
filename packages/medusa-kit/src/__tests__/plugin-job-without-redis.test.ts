import { Pool } from "pg"
import { createTestDatabase, type TestDatabase } from "@pva/test-support/database"
import { medusaJobConfig, medusaJobHandler, scheduleWithoutRedis, type PluginJob } from "../plugin-job"
import type { SchedulingContainer } from "../scheduler"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What a Medusa worker process's container offers the scheduler: its config, its database, its logger. */
function workerContainer(pool: Pool, redisUrl?: string): SchedulingContainer {
  const registrations: Record<string, unknown> = {
    configModule: { projectConfig: { redis_url: redisUrl, worker_mode: "worker" } },
    manager: pool,
    logger: { warn: (message: string) => console.warn(message) },
  }
  return { resolve: <T>(name: string) => registrations[name] as T }
}

describe("a plugin's cron job", () => {
  let db: TestDatabase
  let pools: Pool[] = []
  beforeAll(async () => {
    db = await createTestDatabase("plugin_job")
    pools = [new Pool({ connectionString: db.url, max: 2 }), new Pool({ connectionString: db.url, max: 2 })]
  })
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()))
    await db?.drop()
  })

  it("runs on its own cron without Redis, each firing in one of the two worker processes", async () => {
    const runs: string[] = []
    const job = (process: string): PluginJob => ({ name: "feed sync", cron: "* * * * * *", run: async () => void runs.push(process) })
    const stops = [scheduleWithoutRedis(workerContainer(pools[0]), job("first")), scheduleWithoutRedis(workerContainer(pools[1]), job("second"))]
    await sleep(3_300)
    stops.forEach((stop) => stop?.())
    const { rows } = await pools[0].query(`SELECT fired_at FROM scheduled_job_run WHERE name = 'feed sync'`)
    expect(rows.length).toBeGreaterThanOrEqual(3)
    expect(runs).toHaveLength(rows.length)
  })

  it("is left to Medusa's scheduler with Redis, whose firing it claims the same way", async () => {
    let runs = 0
    const job: PluginJob = { name: "hourly refresh", cron: "0 * * * *", run: async () => void runs++ }
    expect(scheduleWithoutRedis(workerContainer(pools[0], "redis://127.0.0.1:6379"), job)).toBeUndefined()
    expect(medusaJobConfig(job)).toEqual({ name: "hourly refresh", schedule: "0 * * * *", data: {} })
    // BullMQ handing the same firing to two processes: one run.
    const handler = medusaJobHandler(job)
    await Promise.all([handler({ container: workerContainer(pools[0]) }), handler({ container: workerContainer(pools[1]) })])
    expect(runs).toBe(1)
  })

  it("refuses a schedule that is not a cron expression, naming the job", () => {
    expect(() => medusaJobConfig({ name: "pva-partner-feed-sync", cron: "daily at 3", run: async () => undefined })).toThrow(/pva-partner-feed-sync: "daily at 3" is not a cron expression/)
  })
})
