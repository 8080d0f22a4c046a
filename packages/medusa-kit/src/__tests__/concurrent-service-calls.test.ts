import { TransactionBaseService } from "@medusajs/medusa"
import { asFunction, asValue, createContainer, Lifetime, type AwilixContainer } from "awilix"
import { randomBytes } from "crypto"
import { Client } from "pg"
import { DataSource } from "typeorm"
import { PerCallService } from "../per-call-service"

const ADMIN_URL = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres"
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// A service as our plugins write them: each method one transaction through atomicPhase_.
function ledgerOf(Base: typeof TransactionBaseService) {
  return class Ledger extends Base {
    async record(entry: string, opts: { holdMs?: number; fail?: boolean } = {}) {
      return this.atomicPhase_(async (manager) => {
        await manager.query(`INSERT INTO ledger (entry) VALUES ($1)`, [entry])
        await sleep(opts.holdMs ?? 0)
        if (opts.fail) throw new Error(`${entry} refused`)
        return entry
      })
    }
  }
}

/** Registers the class the way Medusa 1.20's plugin loader does: its own LIFE_TIME, else one per process. */
function register(container: AwilixContainer, Service: any) {
  container.register("ledgerService", asFunction((cradle) => new Service(cradle, {}), { lifetime: Service.LIFE_TIME || Lifetime.SINGLETON }))
}

describe("two calls of one plugin service at the same time", () => {
  const database = `kit_${randomBytes(4).toString("hex")}`
  let dataSource: DataSource

  beforeAll(async () => {
    const admin = new Client({ connectionString: ADMIN_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${database}`)
    await admin.end()
    const url = new URL(ADMIN_URL)
    url.pathname = `/${database}`
    dataSource = new DataSource({ type: "postgres", url: url.toString() })
    await dataSource.initialize()
    await dataSource.query(`CREATE TABLE ledger (entry text PRIMARY KEY)`)
  })

  afterAll(async () => {
    await dataSource?.destroy()
    const admin = new Client({ connectionString: ADMIN_URL })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.end()
  })

  beforeEach(() => dataSource.query(`TRUNCATE ledger`))

  async function raceAFailingCallWithASucceedingOne(Service: any) {
    const container = createContainer()
    container.register("manager", asValue(dataSource.manager))
    register(container, Service)
    const failing = container.resolve<any>("ledgerService").record("a", { holdMs: 150, fail: true })
    await sleep(30)
    const succeeding = await container.resolve<any>("ledgerService").record("b")
    await expect(failing).rejects.toThrow("a refused")
    const rows = await dataSource.query(`SELECT entry FROM ledger ORDER BY entry`)
    return { succeeding, kept: rows.map((r: any) => r.entry) }
  }

  it("keep a call's committed write when the other call fails, on a PerCallService", async () => {
    const { succeeding, kept } = await raceAFailingCallWithASucceedingOne(ledgerOf(PerCallService as any))
    expect(succeeding).toBe("b")
    expect(kept).toEqual(["b"])
  })

  it("lose it on a service Medusa keeps once per process: the reason PerCallService exists", async () => {
    const { succeeding, kept } = await raceAFailingCallWithASucceedingOne(ledgerOf(TransactionBaseService))
    expect(succeeding).toBe("b")
    expect(kept).toEqual([])
  })
})
