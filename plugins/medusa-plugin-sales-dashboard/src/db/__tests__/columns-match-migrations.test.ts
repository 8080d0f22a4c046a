import { tableDrift } from "@pva/medusa-kit"
import { migratedColumns } from "@pva/test-support/migrated-columns"
import { SALES_DASHBOARD_TABLES } from "../index"

// The server's build runs this plugin's migrations from dist/: `npm run build` first.
describe("the sales dashboard tables described in src/db", () => {
  it("have exactly the columns, types and nullability that the migrations make", async () => {
    const columns = await migratedColumns("sales_dashboard_columns", SALES_DASHBOARD_TABLES.map((t) => t.name))
    expect(tableDrift(SALES_DASHBOARD_TABLES, columns)).toEqual([])
  }, 180_000)
})
