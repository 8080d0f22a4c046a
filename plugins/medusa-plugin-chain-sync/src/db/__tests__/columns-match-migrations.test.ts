import { tableDrift } from "@pva/medusa-kit"
import { migratedColumns } from "@pva/test-support/migrated-columns"
import { CHAIN_SYNC_TABLES } from "../index"

// The server's build runs this plugin's migrations from dist/: `npm run build` first.
describe("the chain sync tables described in src/db", () => {
  it("have exactly the columns, types and nullability that the migrations make", async () => {
    const columns = await migratedColumns("chain_sync_columns", CHAIN_SYNC_TABLES.map((t) => t.name))
    expect(tableDrift(CHAIN_SYNC_TABLES, columns)).toEqual([])
  }, 180_000)
})
