import { render, screen, within } from "@testing-library/react"
import { chainConfig } from "@/lib/chain-config"
import { ProvenanceTimeline } from "../provenance-timeline"

const MINT_TX = `0x${"ab".repeat(32)}`
const TRANSFER_TX = `0x${"cd".repeat(32)}`
const events = [
  { kind: "created", occurred_at: "2026-11-01T10:00:00.000Z", tx_hash: null, block_number: null },
  { kind: "sold", occurred_at: "2026-11-02T10:00:00.000Z", tx_hash: null, block_number: null },
  { kind: "claim_issued", occurred_at: "2026-11-02T10:01:00.000Z", tx_hash: null, block_number: null },
  { kind: "minted", occurred_at: "2026-11-03T10:00:00.000Z", tx_hash: MINT_TX, block_number: 12, from: null, to: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" },
  { kind: "transferred", occurred_at: "2026-11-04T10:00:00.000Z", tx_hash: TRANSFER_TX, block_number: 15, from: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", to: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" },
  { kind: "attested", occurred_at: "2026-11-05T10:00:00.000Z", tx_hash: null, block_number: null, attestation_kind: "appraisal", statement: "Appraised by the Lukuni lab", issuer: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" },
]

describe("provenance timeline", () => {
  it("lists every event in order with its label", () => {
    render(<ProvenanceTimeline events={events} chain={chainConfig({})} />)
    const items = within(screen.getByRole("list", { name: "Provenance timeline" })).getAllByRole("listitem")
    expect(items.map((li) => within(li).getByRole("heading").textContent)).toEqual(["Created", "Sold", "Claim issued", "Minted", "Transferred", "Attested"])
  })

  it("links chain events to their transaction, on the local tx page without an explorer", () => {
    render(<ProvenanceTimeline events={events} chain={chainConfig({})} />)
    const links = screen.getAllByRole("link")
    expect(links.map((a) => a.getAttribute("href"))).toEqual([`/tx/${MINT_TX}`, `/tx/${TRANSFER_TX}`])
    expect(screen.getByText("Minted to 0x7099…79C8")).toBeInTheDocument()
    expect(screen.getByText("From 0x7099…79C8 to 0x3C44…93BC")).toBeInTheDocument()
  })

  it("links to the configured explorer in production", () => {
    render(<ProvenanceTimeline events={events} chain={chainConfig({ NEXT_PUBLIC_CHAIN_ID: "8453", NEXT_PUBLIC_EXPLORER_TX_URL: "https://basescan.org/tx/" })} />)
    expect(screen.getAllByRole("link")[0]).toHaveAttribute("href", `https://basescan.org/tx/${MINT_TX}`)
  })

  it("shows who attested what", () => {
    render(<ProvenanceTimeline events={events} chain={chainConfig({})} />)
    expect(screen.getByText(/appraisal: Appraised by the Lukuni lab/)).toBeInTheDocument()
    expect(screen.getByText("(issuer 0xf39F…2266)")).toBeInTheDocument()
  })

  it("says so when nothing is recorded", () => {
    render(<ProvenanceTimeline events={[]} chain={chainConfig({})} />)
    expect(screen.getByText("No provenance recorded yet.")).toBeInTheDocument()
  })

  it("shows the market's events: listed with its price, sold with the artisan's royalty", () => {
    const SALE_TX = `0x${"ef".repeat(32)}`
    const market = [
      { kind: "market_listed", occurred_at: "2026-11-06T10:00:00.000Z", tx_hash: null, block_number: 20, listing_id: "4", listing_kind: "fixed", price: "1500000000000000000", royalty: null },
      { kind: "market_sold", occurred_at: "2026-11-07T10:00:00.000Z", tx_hash: SALE_TX, block_number: 22, listing_id: "4", listing_kind: "fixed", price: "1500000000000000000", royalty: { receiver: "0x90F79bf6EB2c4f870365E785982E1f101E93b906", amount: "75000000000000000" } },
    ]
    render(<ProvenanceTimeline events={market} chain={chainConfig({})} />)
    const [listed, sold] = within(screen.getByRole("list", { name: "Provenance timeline" })).getAllByRole("listitem")
    expect(within(listed).getByRole("heading")).toHaveTextContent("Listed on the market")
    expect(listed).toHaveTextContent("Price 1.5 ETH")
    expect(within(listed).getByRole("link", { name: "the listing" })).toHaveAttribute("href", "/market/4")
    expect(within(sold).getByRole("heading")).toHaveTextContent("Sold on the market")
    expect(sold).toHaveTextContent("Price 1.5 ETH, royalty 0.075 ETH to the artisan")
  })
})
