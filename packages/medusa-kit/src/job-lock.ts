import type Redis from "ioredis"
import type { SqlRunner } from "./sql-rows"

/**
 * Decides which process runs one firing ("slot") of a named job: the first to claim it.
 * A claim outlives the firing (`holdMs`), so a process whose clock or timer is late cannot
 * claim the same firing again afterwards.
 */
export interface JobLock {
  /** True when this caller won `slot` of job `name`; false when another caller already has it. */
  claim(name: string, slot: Date, holdMs: number): Promise<boolean>
}


const DUPLICATE_TABLE = "42P07"
const UNIQUE_VIOLATION = "23505"

/**
 * Claims a firing by inserting `(name, fired_at)` into `scheduled_job_run`; the primary key
 * lets exactly one insert through. The table is created on first use (any plugin may schedule a
 * job, and none should depend on another's migration for it); rows older than the claim's hold
 * are removed as new ones arrive, so a job polling every few seconds keeps the table small.
 */
export class PostgresJobLock implements JobLock {
  private ready: Promise<void> | undefined

  constructor(private readonly sql: SqlRunner) {}

  async claim(name: string, slot: Date, holdMs: number): Promise<boolean> {
    await this.ensureTable()
    const inserted = await this.sql.query(
      `INSERT INTO scheduled_job_run (name, fired_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING fired_at`,
      [name, slot]
    )
    const won = rowCount(inserted) > 0
    if (won) await this.sql.query(`DELETE FROM scheduled_job_run WHERE name = $1 AND fired_at < $2`, [name, new Date(slot.getTime() - holdMs)])
    return won
  }

  private ensureTable(): Promise<void> {
    this.ready ??= this.sql
      .query(
        `CREATE TABLE IF NOT EXISTS scheduled_job_run (
           name text NOT NULL,
           fired_at timestamptz NOT NULL,
           claimed_at timestamptz NOT NULL DEFAULT now(),
           PRIMARY KEY (name, fired_at)
         )`
      )
      .then(
        () => undefined,
        (err: unknown) => {
          // Two processes creating it at the same moment: the other one won, the table exists.
          const code = typeof err === "object" && err !== null && "code" in err ? (err as { code: unknown }).code : undefined
          if (code === DUPLICATE_TABLE || code === UNIQUE_VIOLATION) return
          this.ready = undefined
          throw err
        }
      )
    return this.ready
  }
}

/** A pg result (`{ rows }`) or TypeORM's plain row array. */
function rowCount(result: unknown): number {
  if (Array.isArray(result)) return result.length
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray((result as { rows: unknown }).rows)) {
    return (result as { rows: unknown[] }).rows.length
  }
  return 0
}

/** Claims a firing with `SET key NX PX hold`: one key per job and firing, expiring by itself. */
export class RedisJobLock implements JobLock {
  constructor(
    private readonly redis: Pick<Redis, "set">,
    private readonly prefix = "pva:scheduled-job"
  ) {}

  async claim(name: string, slot: Date, holdMs: number): Promise<boolean> {
    const answer = await this.redis.set(`${this.prefix}:${name}:${slot.toISOString()}`, String(process.pid), "PX", Math.max(1, Math.round(holdMs)), "NX")
    return answer === "OK"
  }
}
