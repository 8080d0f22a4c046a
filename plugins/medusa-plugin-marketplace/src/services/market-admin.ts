// Running the market from Medusa Admin: its numbers, every listing (hidden ones too),
// moderation (hide / unhide) and the on-chain pause through the server's signer.
import { PerCallService } from "@pva/medusa-kit/service"
import { MedusaError } from "medusa-core-utils"
import { marketState } from "../db/market-event"
import { countsByStatus, hiddenCount, listListings, setHidden, type ListingFilter } from "../db/market-listing"
import { totals } from "../db/market-sale"
import { HttpError } from "../lib/http"
import { storeListing } from "../lib/listing-view"
import MarketChainService, { MarketChainRefusal } from "./market-chain"

type Container = { marketChainService: MarketChainService }

export default class MarketAdminService extends PerCallService {
  static identifier = "marketAdminService"
  private readonly deps: Container

  constructor(container: Container) {
    super(arguments[0])
    this.deps = container
  }

  private get market() {
    return this.deps.marketChainService.addresses().market
  }

  /** Listings by status, sales volume, royalties paid and platform fees (wei), fee and pause. */
  async summary(now = new Date()) {
    const [byStatus, hidden, sums, state] = await Promise.all([
      countsByStatus(this.activeManager_, this.market, now),
      hiddenCount(this.activeManager_, this.market),
      totals(this.activeManager_, this.market),
      marketState(this.activeManager_, this.market),
    ])
    const statuses = ["active", "ended", "sold", "cancelled", "invalid"] as const
    const listings = Object.fromEntries(statuses.map((s) => [s, byStatus[s] ?? 0])) as Record<(typeof statuses)[number], number>
    return {
      market_address: this.market,
      listings: { ...listings, hidden, total: statuses.reduce((n, s) => n + listings[s], 0) },
      sales: sums.sales,
      volume: sums.volume,
      royalties_paid: sums.royalties,
      fees: sums.fees,
      fee_bps: state.fee_bps,
      paused: state.paused,
    }
  }

  async listings(filter: Omit<ListingFilter, "includeHidden">, now = new Date()) {
    const { listings, count } = await listListings(this.activeManager_, this.market, { ...filter, includeHidden: true }, now)
    return { listings: listings.map((l) => ({ ...storeListing(l, null, now), hidden: l.hidden })), count, limit: filter.limit, offset: filter.offset }
  }

  async setHidden(listingId: string, hidden: boolean) {
    if (!(await setHidden(this.activeManager_, this.market, listingId, hidden))) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No listing ${listingId} on the market`)
    }
    return { id: listingId, hidden }
  }

  /** Pauses or resumes trading on chain; a signer without the admin role (or a market already so) is a 409. */
  async setPaused(paused: boolean) {
    try {
      return await this.deps.marketChainService.setPaused(paused)
    } catch (err) {
      if (err instanceof MarketChainRefusal) throw new HttpError(409, "conflict", err.message)
      throw err
    }
  }
}
