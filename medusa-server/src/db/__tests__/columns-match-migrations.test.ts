import { tableDrift } from "@pva/medusa-kit"
import { migratedColumns } from "@pva/test-support/migrated-columns"
import { SERVER_TABLES } from "../tables"

// Runs the server's build (`npm run build` first), migrations and all.
describe("the server's own tables described in src/db", () => {
  it("have exactly the columns, types and nullability that the migrations make", async () => {
    const columns = await migratedColumns("server_columns", SERVER_TABLES.map((t) => t.name))
    expect(tableDrift(SERVER_TABLES, columns)).toEqual([])
  }, 180_000)
})
