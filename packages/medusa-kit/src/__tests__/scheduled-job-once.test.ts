import Redis from "ioredis"
import { Pool } from "pg"
import { createTestDatabase, type TestDatabase } from "@pva/test-support/database"
import { PostgresJobLock, RedisJobLock, type JobLock } from "../job-lock"
import { scheduleJob, slotOf, type Schedule } from "../scheduler"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const quiet = { warn: () => undefined }

/**
 * Two schedulers (as two worker processes would) with their own connections arm the same job;
 * every firing must run exactly once between them.
 */
async function runsPerFiring(locks: [JobLock, JobLock], schedule: Schedule, forMs: number): Promise<Map<number, string[]>> {
  const runs = new Map<number, string[]>()
  const name = `job-${Date.now()}-${Math.random().toString(36).slice(2)}`
  const stops = locks.map((lock, i) =>
    scheduleJob({
      name,
      schedule,
      lock,
      logger: quiet,
      task: async () => {
        const slot = slotOf(schedule).getTime()
        runs.set(slot, [...(runs.get(slot) ?? []), `process ${i}`])
      },
    })
  )
  await sleep(forMs)
  stops.forEach((stop) => stop())
  return runs
}

describe("a scheduled job armed in two processes", () => {
  let db: TestDatabase
  let pools: Pool[] = []

  beforeAll(async () => {
    db = await createTestDatabase("scheduled_job_once")
    pools = [new Pool({ connectionString: db.url, max: 2 }), new Pool({ connectionString: db.url, max: 2 })]
  })
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()))
    await db?.drop()
  })

  it("runs each firing once through Postgres, whichever process claims it", async () => {
    const runs = await runsPerFiring([new PostgresJobLock(pools[0]), new PostgresJobLock(pools[1])], { everyMs: 200 }, 1_500)
    expect(runs.size).toBeGreaterThanOrEqual(4)
    for (const [, by] of runs) expect(by).toHaveLength(1)
  })

  it("runs a cron firing once through Postgres", async () => {
    const runs = await runsPerFiring([new PostgresJobLock(pools[0]), new PostgresJobLock(pools[1])], { cron: "* * * * * *" }, 2_300)
    expect(runs.size).toBeGreaterThanOrEqual(2)
    for (const [, by] of runs) expect(by).toHaveLength(1)
  })

  it("keeps only recent claims in scheduled_job_run", async () => {
    const lock = new PostgresJobLock(pools[0])
    const old = new Date(Date.now() - 3_600_000)
    expect(await lock.claim("pruned job", old, 60_000)).toBe(true)
    expect(await lock.claim("pruned job", old, 60_000)).toBe(false)
    expect(await lock.claim("pruned job", new Date(), 60_000)).toBe(true)
    const { rows } = await pools[0].query(`SELECT fired_at FROM scheduled_job_run WHERE name = 'pruned job'`)
    expect(rows).toHaveLength(1)
  })
})

describe("a scheduled job armed in two processes with Redis", () => {
  // The deployment's Redis (127.0.0.1:6379): this test fails, never skips, when it is down.
  const clients = [new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 }), new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 })]
  afterAll(() => clients.forEach((c) => c.disconnect()))

  it("runs each firing once", async () => {
    await Promise.all(clients.map((c) => c.ping()))
    const prefix = `pva:test-scheduled-job:${process.pid}`
    const runs = await runsPerFiring([new RedisJobLock(clients[0], prefix), new RedisJobLock(clients[1], prefix)], { everyMs: 200 }, 1_500)
    expect(runs.size).toBeGreaterThanOrEqual(4)
    for (const [, by] of runs) expect(by).toHaveLength(1)
  })
})
