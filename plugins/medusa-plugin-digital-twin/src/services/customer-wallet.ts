import { MedusaError } from "medusa-core-utils"
import { getAddress } from "viem"
import { conflict } from "../lib/http"
import { PerCallService } from "@pva/medusa-kit/service"
import { linkedSince, linkWallet, ownerOfWallet, unlinkWallet, walletsOf } from "../db/customer-wallet"
import { WALLET_LINKED, WALLET_UNLINKED } from "../lib/events"

export { WALLET_LINKED, WALLET_UNLINKED }

export type CustomerWallet = { address: `0x${string}`; chain_id: number; linked_at: Date }

/**
 * Which wallets a customer has proven, and whose a wallet is: one wallet belongs to one
 * customer, a customer may link several. Other plugins (fractional shares) resolve this.
 */
export default class CustomerWalletService extends PerCallService {
  static identifier = "customerWalletService"
  protected readonly eventBus_: { emit: (name: string, data: unknown) => Promise<unknown> }

  constructor(container: any) {
    super(arguments[0])
    this.eventBus_ = container.eventBusService
  }

  async listFor(customerId: string): Promise<CustomerWallet[]> {
    const rows = await walletsOf(this.activeManager_, customerId)
    return rows.map((r) => ({ ...r, address: getAddress(r.address) }))
  }

  async ownerOf(address: string): Promise<string | null> {
    return ownerOfWallet(this.activeManager_, address.toLowerCase())
  }

  /**
   * Whether a wallet sign-in made at `signedInAtMs` still stands: the wallet is linked to the
   * customer, and has been since before then (unlinking and linking again ends earlier sign-ins).
   */
  async signInIsCurrent(customerId: string, address: unknown, signedInAtMs: number): Promise<boolean> {
    if (typeof address !== "string") return false
    return linkedSince(this.activeManager_, customerId, address.toLowerCase(), new Date(signedInAtMs))
  }

  async isLinked(customerId: string, address: string): Promise<boolean> {
    return (await this.ownerOf(address)) === customerId
  }

  /** Idempotent for the same customer; a wallet another customer holds is a 409. */
  async link(customerId: string, address: string, chainId: number): Promise<CustomerWallet> {
    const lower = address.toLowerCase()
    const row = await linkWallet(this.activeManager_, customerId, lower, chainId)
    if (!row) throw conflict("This wallet is already linked to another account")
    if (row.inserted) await this.eventBus_.emit(WALLET_LINKED, { customer_id: customerId, address: getAddress(lower) })
    return { address: getAddress(lower), chain_id: row.chain_id, linked_at: row.linked_at }
  }

  async unlink(customerId: string, address: string): Promise<void> {
    if (!(await unlinkWallet(this.activeManager_, customerId, address.toLowerCase()))) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This wallet is not linked to your account")
    await this.eventBus_.emit(WALLET_UNLINKED, { customer_id: customerId, address: getAddress(address.toLowerCase()) })
  }
}
