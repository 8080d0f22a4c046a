import { withClient } from "@pva/medusa-kit"
import type { Pool, PoolClient } from "pg"
import type { Transactional } from "./read-model"

/** A Transactional over a node-postgres pool: BEGIN, the work, COMMIT (ROLLBACK when it throws). */
export function poolDb(pool: Pool): Transactional {
  return {
    transaction: (work) =>
      withClient(pool, async (client: PoolClient) => {
        try {
          await client.query("BEGIN")
          const result = await work(async (text, params) => (await client.query(text, params)).rows)
          await client.query("COMMIT")
          return result
        } catch (err) {
          await client.query("ROLLBACK").catch(() => undefined)
          throw err
        }
      }),
  }
}
