import { tableDrift } from "@pva/medusa-kit"
import { migratedColumns } from "@pva/test-support/migrated-columns"
import { MARKET_TABLES } from "../index"

// The server's build runs this plugin's migrations from dist/: `npm run build` first.
describe("the market tables described in src/db", () => {
  it("have exactly the columns, types and nullability that the migrations make", async () => {
    const columns = await migratedColumns("market_columns", MARKET_TABLES.map((t) => t.name))
    expect(tableDrift(MARKET_TABLES, columns)).toEqual([])
  }, 180_000)
})
