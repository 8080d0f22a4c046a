import { parseInventoryFeed } from "../inventory-feed"

describe("inventory feed parsing", () => {
  it("reads a CSV feed and reports rows it cannot understand", () => {
    const feed = "sku,quantity\nGEM-001,7\n,3\nGEM-002,-1\nGEM-003,lots\nGEM-004,2\nGEM-001,9\n"
    const { rows, bad } = parseInventoryFeed(feed, "text/csv")
    expect(rows).toEqual([
      { sku: "GEM-001", quantity: 7 },
      { sku: "GEM-004", quantity: 2 },
    ])
    expect(bad.map((b) => [b.row, b.reason])).toEqual([
      [3, "missing sku"],
      [4, "quantity must be a whole number from 0 to 1000000"],
      [5, "quantity must be a whole number from 0 to 1000000"],
      [7, "sku GEM-001 appears more than once"],
    ])
  })

  it("keeps a quoted cell holding line breaks, commas and quotes in its row", () => {
    const feed = [
      "sku,name,quantity",
      'GEM-001,"Rose quartz',
      'large, polished",4',
      'GEM-002,"Amethyst ""deep""",2',
      "",
      "  ",
      "GEM-003,Opal,lots",
    ].join("\r\n")
    const { rows, bad } = parseInventoryFeed(feed, "text/csv")
    expect(rows).toEqual([
      { sku: "GEM-001", quantity: 4 },
      { sku: "GEM-002", quantity: 2 },
    ])
    // numbered by the line the row starts on
    expect(bad).toEqual([{ row: 7, reason: "quantity must be a whole number from 0 to 1000000", raw: "GEM-003,Opal,lots" }])
  })

  it("reads JSON lists and SKU maps", () => {
    expect(parseInventoryFeed('[{"sku":"A","quantity":1},{"sku":"B","qty":"2"},{"sku":"C"}]').rows).toEqual([
      { sku: "A", quantity: 1 },
      { sku: "B", quantity: 2 },
    ])
    expect(parseInventoryFeed('{"A": 4, "B": 2.5}')).toMatchObject({ rows: [{ sku: "A", quantity: 4 }], bad: [{ row: 2 }] })
  })

  it("refuses a feed it cannot read at all", () => {
    expect(() => parseInventoryFeed("")).toThrow(/empty/)
    expect(() => parseInventoryFeed("[1,2")).toThrow(/not valid JSON/)
    expect(() => parseInventoryFeed("name,count\nA,1")).toThrow(/header row/)
    expect(() => parseInventoryFeed('sku,quantity\n"GEM-001,4\n')).toThrow(/CSV feed cannot be read: Quote Not Closed/)
  })
})
