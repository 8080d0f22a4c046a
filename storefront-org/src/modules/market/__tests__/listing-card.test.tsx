import { act, render, screen, within } from "@testing-library/react"
import type { Listing } from "@/lib/market/types"
import { BidHistory } from "../bid-history"
import { Countdown } from "../countdown"
import { ListingCard } from "../listing-card"

const ETH = 10n ** 18n
const t0 = Date.parse("2026-12-06T10:00:00.000Z")
const listing = (over: Partial<Listing>): Listing => ({
  id: "12", kind: "fixed", seller: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", price: (15n * ETH / 10n).toString(),
  reserve_price: null, start_price: null, floor_price: null, starts_at: new Date(t0).toISOString(), ends_at: null, status: "active",
  highest_bid: null, bid_count: 0, created_at: new Date(t0).toISOString(),
  asset: { type: "twin", contract: "0x5FbDB2315678afecb367f032d93F642f64180aa3", token_id: "7", quantity: "1", artifact: { handle: "emerald-pendant", title: "Emerald Pendant", thumbnail: null } },
  ...over,
})

describe("a listing card on /market", () => {
  it("shows the piece, the sale type and its price, linking to the listing", () => {
    render(<ListingCard listing={listing({})} renderedAt={t0} />)
    expect(screen.getByRole("link", { name: "Emerald Pendant" })).toHaveAttribute("href", "/market/12")
    expect(screen.getByText("Fixed price")).toBeInTheDocument()
    expect(screen.getByTestId("listing-price")).toHaveTextContent("1.5 ETH")
    expect(screen.queryByTestId("time-left")).toBeNull()
  })

  it("shows an auction's highest bid and its time left", () => {
    const ends = new Date(t0 + 2 * 3600_000 + 5 * 60_000).toISOString()
    render(<ListingCard listing={listing({ kind: "english", price: null, reserve_price: ETH.toString(), ends_at: ends, highest_bid: { bidder: "0x1", amount: (2n * ETH).toString() }, bid_count: 2 })} renderedAt={t0} />)
    expect(screen.getByText("Highest bid")).toBeInTheDocument()
    expect(screen.getByTestId("listing-price")).toHaveTextContent("2 ETH")
    expect(screen.getByTestId("time-left")).toHaveAttribute("dateTime", ends)
  })

  it("shows a Dutch auction's price at the moment the page was rendered, and names shares by quantity", () => {
    const card = listing({
      kind: "dutch", price: null, start_price: (3n * ETH).toString(), floor_price: (ETH / 2n).toString(), ends_at: new Date(t0 + 86_400_000).toISOString(),
      asset: { type: "shares", contract: "0x1", token_id: "3", quantity: "25", artifact: null },
    })
    render(<ListingCard listing={card} renderedAt={t0 + 43_200_000} />)
    expect(screen.getByText("Price now")).toBeInTheDocument()
    expect(screen.getByTestId("listing-price")).toHaveTextContent("1.75 ETH")
    expect(screen.getByRole("heading", { name: "Shares of offering #3" })).toBeInTheDocument()
    expect(screen.getByText(/25 shares/)).toBeInTheDocument()
  })
})

describe("a live countdown", () => {
  beforeEach(() => jest.useFakeTimers({ now: t0 }))
  afterEach(() => jest.useRealTimers())

  it("ticks every second in the browser and ends at Ended", () => {
    render(<Countdown endsAt={new Date(t0 + 3_000).toISOString()} renderedAt={t0} />)
    expect(screen.getByTestId("time-left")).toHaveTextContent("0m 03s")
    act(() => jest.advanceTimersByTime(1000))
    expect(screen.getByTestId("time-left")).toHaveTextContent("0m 02s")
    act(() => jest.advanceTimersByTime(5000))
    expect(screen.getByTestId("time-left")).toHaveTextContent("Ended")
  })

  it("says an auction's clock starts at the first bid", () => {
    render(<Countdown endsAt={null} renderedAt={t0} />)
    expect(screen.getByTestId("time-left")).toHaveTextContent("Starts at the first bid")
  })
})

describe("an auction's bid history", () => {
  it("lists every bid, highest first, each linked to its transaction", () => {
    const hash = `0x${"ab".repeat(32)}`
    render(
      <BidHistory
        bids={[
          { bidder: "0x90F79bf6EB2c4f870365E785982E1f101E93b906", amount: ETH.toString(), placed_at: new Date(t0).toISOString(), tx_hash: hash },
          { bidder: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", amount: (105n * ETH / 100n).toString(), placed_at: new Date(t0 + 60_000).toISOString(), tx_hash: null },
        ]}
      />
    )
    const rows = screen.getAllByTestId("bid")
    expect(rows.map((r) => within(r).getAllByRole("cell")[1].textContent)).toEqual(["1.05 ETH", "1 ETH"])
    expect(within(rows[0]).getByText("0x15d3…6A65")).toBeInTheDocument()
    expect(within(rows[1]).getByRole("link")).toHaveAttribute("href", `/tx/${hash}`)
  })

  it("says when nobody has bid", () => {
    render(<BidHistory bids={[]} />)
    expect(screen.getByText("No bids yet.")).toBeInTheDocument()
  })
})
