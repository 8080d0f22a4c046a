import { tableDrift } from "@pva/medusa-kit"
import { migratedColumns } from "@pva/test-support/migrated-columns"
import { PARTNER_TABLES } from "../index"

// The server's build runs this plugin's migrations from dist/: `npm run build` first.
describe("the partner tables described in src/db and src/models", () => {
  it("have exactly the columns, types and nullability that the migrations make", async () => {
    const columns = await migratedColumns("partner_columns", PARTNER_TABLES.map((t) => t.name))
    expect(tableDrift(PARTNER_TABLES, columns)).toEqual([])
  }, 180_000)
})
