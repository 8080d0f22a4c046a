import { tableDrift } from "@pva/medusa-kit"
import { migratedColumns } from "@pva/test-support/migrated-columns"
import { PAYMENTS_TABLES } from "../index"

// The server's build runs this plugin's migrations from dist/: `npm run build` first.
describe("the payments tables described in src/db", () => {
  it("have exactly the columns, types and nullability that the migrations make", async () => {
    const columns = await migratedColumns("payments_columns", PAYMENTS_TABLES.map((t) => t.name))
    expect(tableDrift(PAYMENTS_TABLES, columns)).toEqual([])
  }, 180_000)
})
