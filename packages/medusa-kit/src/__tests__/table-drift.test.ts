import "reflect-metadata"
import { Column, Entity, PrimaryColumn } from "typeorm"
import { entityTable } from "../entity-table"
import { defineTable, pg, tableDrift, type DatabaseColumn, type RowOf } from "../table"

const wallets = defineTable("wallet", {
  address: pg.text,
  chain_id: pg.int4,
  linked_at: pg.timestamptz.orNull,
})

const column = (column_name: string, udt_name: string, nullable = false): DatabaseColumn => ({
  table_name: "wallet",
  column_name,
  udt_name,
  is_nullable: nullable ? "YES" : "NO",
})

describe("a table described in code", () => {
  it("derives its row type and select list from one column list", () => {
    const row: RowOf<typeof wallets> = { address: "0xabc", chain_id: 1, linked_at: null }
    expect(Object.keys(row)).toEqual(Object.keys(wallets.columns))
    expect(wallets.select).toBe(`"address", "chain_id", "linked_at"`)
  })

  it("agrees with a database that has exactly its columns", () => {
    expect(tableDrift([wallets], [column("address", "text"), column("chain_id", "int4"), column("linked_at", "timestamptz", true)])).toEqual([])
  })

  it("names every way a migration drifted from it", () => {
    const drift = tableDrift([wallets], [column("address", "varchar"), column("chain_id", "int4", true), column("label", "text")])
    expect(drift).toEqual([
      "wallet.address is varchar in the database but text in code",
      "wallet.chain_id is nullable in the database but NOT NULL in code",
      "wallet.linked_at is declared in code but no migration creates it",
      "wallet.label exists in the database but is not declared in code",
    ])
  })

  it("notices a table no migration made", () => {
    expect(tableDrift([wallets], [])).toEqual(["table wallet does not exist after the migrations"])
  })
})

// Decorated by hand: this package's tests compile without decorator support.
class Offer {
  id = ""
  total = 0
  country: string | null = null
}
// A bare primary column, as Medusa's BaseEntity has: TypeORM takes its type from the property's.
Reflect.defineMetadata("design:type", String, Offer.prototype, "id")
PrimaryColumn()(Offer.prototype, "id")
Column({ type: "int" })(Offer.prototype, "total")
Column({ type: "char", length: 2, nullable: true })(Offer.prototype, "country")
Entity({ name: "kit_test_offer" })(Offer)

describe("an entity-backed table", () => {
  it("is described by its entity: names, types where it states them, and nullability", () => {
    const table = entityTable(Offer)
    expect(table.name).toBe("kit_test_offer")
    expect(table.columns).toEqual({
      id: { udt: "", nullable: false },
      total: { udt: "int4", nullable: false },
      country: { udt: "bpchar", nullable: true },
    })
  })
})
