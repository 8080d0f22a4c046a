import { tableDrift } from "@pva/medusa-kit"
import { migratedColumns } from "@pva/test-support/migrated-columns"
import { CATALOG_TABLES } from "../index"

// The server's build runs this plugin's migrations from dist/: `npm run build` first.
describe("the catalog tables described in src/db", () => {
  it("have exactly the columns, types and nullability that the migrations make", async () => {
    const columns = await migratedColumns("catalog_columns", CATALOG_TABLES.map((t) => t.name))
    expect(tableDrift(CATALOG_TABLES, columns)).toEqual([])
  }, 180_000)
})
