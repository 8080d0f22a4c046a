import { TransactionBaseService } from "@medusajs/medusa"
import { createTestDatabase, type TestDatabase } from "@pva/test-support/database"
import { asFunction, asValue, createContainer, Lifetime, type AwilixContainer } from "awilix"
import { DataSource } from "typeorm"
import { PerCallService } from "../per-call-service"

/** A promise with its resolve function: one call waits on it until the other opens it. */
function latch() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

type Hooks = { inside?: () => void; before?: Promise<void>; fail?: boolean }

// A service as our plugins write them: each method one transaction through atomicPhase_.
function ledgerOf(Base: typeof TransactionBaseService) {
  return class Ledger extends Base {
    async record(entry: string, hooks: Hooks = {}) {
      return this.atomicPhase_(async (manager) => {
        await manager.query(`INSERT INTO ledger (entry) VALUES ($1)`, [entry])
        hooks.inside?.()
        await hooks.before
        if (hooks.fail) throw new Error(`${entry} refused`)
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
  let db: TestDatabase
  let dataSource: DataSource

  beforeAll(async () => {
    db = await createTestDatabase("kit_service_calls")
    dataSource = new DataSource({ type: "postgres", url: db.url })
    await dataSource.initialize()
    await dataSource.query(`CREATE TABLE ledger (entry text PRIMARY KEY)`)
  })

  afterAll(async () => {
    await dataSource?.destroy()
    await db?.drop()
  })

  beforeEach(() => dataSource.query(`TRUNCATE ledger`))

  /**
   * Call a opens its transaction and writes; call b runs from start to end while a's transaction
   * is open; then a fails. The order is fixed by latches, not by timing.
   */
  async function failingCallAroundASucceedingOne(Service: any) {
    const container = createContainer()
    container.register("manager", asValue(dataSource.manager))
    register(container, Service)
    const aInside = latch()
    const bDone = latch()
    const failing = container.resolve<any>("ledgerService").record("a", { inside: aInside.open, before: bDone.opened, fail: true })
    await aInside.opened
    const succeeding = await container.resolve<any>("ledgerService").record("b").finally(bDone.open)
    await expect(failing).rejects.toThrow("a refused")
    const rows = await dataSource.query(`SELECT entry FROM ledger ORDER BY entry`)
    return { succeeding, kept: rows.map((r: any) => r.entry) }
  }

  it("keep a call's committed write when the other call fails, on a PerCallService", async () => {
    const { succeeding, kept } = await failingCallAroundASucceedingOne(ledgerOf(PerCallService as any))
    expect(succeeding).toBe("b")
    expect(kept).toEqual(["b"])
  })

  it("lose it on a service Medusa keeps once per process: the reason PerCallService exists", async () => {
    const { succeeding, kept } = await failingCallAroundASucceedingOne(ledgerOf(TransactionBaseService))
    expect(succeeding).toBe("b")
    expect(kept).toEqual([])
  })
})
