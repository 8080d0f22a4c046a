// Sends the market's emails through Medusa's notification service (the server's `pva-email`
// provider writes them to the email outbox, or sends them through Resend), each to the
// customer who linked the wallet it concerns, and each once (market_notification).
import { PerCallService } from "@pva/medusa-kit/service"
import type { EntityManager } from "typeorm"
import { biddersOf } from "../db/market-bid"
import { auctionsEndingBetween } from "../db/market-listing"
import { claimNotification, sentAlready } from "../db/market-notification"
import { MARKET_AUCTION_ENDING_SOON_EMAIL, type MarketEmailData } from "../lib/events"
import type { MarketNotice } from "../lib/notices"
import { walletDirectoryFrom, type WalletDirectory } from "../lib/wallet-directory"
import type MarketChainService from "./market-chain"

type NotificationService = {
  withTransaction(manager: EntityManager): NotificationService
  send(event: string, data: unknown, provider: string): Promise<unknown>
}
type CustomerService = { retrieve(id: string): Promise<{ id: string; email: string }> }
type Logger = { warn(message: string): void }

type Container = {
  marketChainService: MarketChainService
  notificationService: NotificationService
  customerService: CustomerService
  logger: Logger
}

export default class MarketEmailService extends PerCallService {
  static identifier = "marketEmailService"
  private readonly deps: Container
  private readonly wallets: WalletDirectory

  constructor(container: Container) {
    super(arguments[0])
    this.deps = container
    this.wallets = walletDirectoryFrom((name) => (container as unknown as Record<string, unknown>)[name])
  }

  /** Sends each notice whose wallet belongs to a customer; one that fails is logged, the others still go. */
  async sendAll(notices: MarketNotice[]): Promise<number> {
    let sent = 0
    const known = await sentAlready(this.activeManager_, notices.map((n) => n.key))
    for (const notice of notices.filter((n) => !known.has(n.key))) {
      try {
        if (await this.send(notice)) sent++
      } catch (err) {
        this.deps.logger.warn(`marketplace: the ${notice.event} email to ${notice.wallet} failed: ${(err as Error).message}`)
      }
    }
    return sent
  }

  private async send(notice: MarketNotice): Promise<boolean> {
    const customerId = await this.wallets.customerOf(notice.wallet)
    if (!customerId) return false
    const customer = await this.deps.customerService.retrieve(customerId)
    if (!customer.email) return false
    const { orgUrl, notificationProvider } = this.deps.marketChainService.settings
    const data: MarketEmailData = {
      id: notice.listing_id ? `listing:${notice.listing_id}` : `offer:${notice.offer_id}`,
      to: customer.email,
      customer_id: customerId,
      wallet: notice.wallet,
      listing_id: notice.listing_id,
      offer_id: notice.offer_id,
      asset: notice.asset,
      amount: notice.amount,
      ends_at: notice.ends_at ? notice.ends_at.toISOString() : null,
      url: notice.listing_id ? `${orgUrl}/market/${notice.listing_id}` : `${orgUrl}/portfolio`,
    }
    // The record and the email commit together: an email that could not be written is tried again next time.
    return this.atomicPhase_(async (manager: EntityManager) => {
      if (!(await claimNotification(manager, notice.key))) return false
      await this.deps.notificationService.withTransaction(manager).send(notice.event, data, notificationProvider)
      return true
    })
  }

  /** Tells every bidder of each auction ending within the window, once per auction. */
  async sendEndingSoon(now = new Date()): Promise<number> {
    // No market on this chain (no deployment, or one written before PVAMarket): nothing ends.
    if (!this.deps.marketChainService.hasMarket()) return 0
    const market = this.deps.marketChainService.addresses().market
    const until = new Date(now.getTime() + this.deps.marketChainService.settings.endingSoonMs)
    const auctions = await auctionsEndingBetween(this.activeManager_, market, now, until)
    const notices: MarketNotice[] = []
    for (const auction of auctions) {
      for (const bidder of await biddersOf(this.activeManager_, market, auction.listing_id)) {
        notices.push({
          event: MARKET_AUCTION_ENDING_SOON_EMAIL,
          wallet: bidder,
          key: `ending:${market}:${auction.listing_id}:${bidder}`,
          listing_id: auction.listing_id,
          offer_id: null,
          asset: { type: auction.asset_type, token_id: auction.token_id, quantity: auction.quantity },
          amount: auction.high_bid ?? auction.price,
          ends_at: auction.ends_at,
        })
      }
    }
    return this.sendAll(notices)
  }
}
