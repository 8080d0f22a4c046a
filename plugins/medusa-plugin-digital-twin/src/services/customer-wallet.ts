import { MedusaError } from "medusa-core-utils"
import { getAddress } from "viem"
import { conflict } from "../lib/http"
import { PerCallService, rowsOf } from "@pva/medusa-kit"
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
    const rows = await this.activeManager_.query(
      `SELECT address, chain_id, linked_at FROM customer_wallet WHERE customer_id = $1 ORDER BY linked_at, address`,
      [customerId]
    )
    return rows.map((r: any) => ({ ...r, address: getAddress(r.address) }))
  }

  async ownerOf(address: string): Promise<string | null> {
    const [row] = await this.activeManager_.query(`SELECT customer_id FROM customer_wallet WHERE address = $1`, [address.toLowerCase()])
    return row?.customer_id ?? null
  }

  /**
   * Whether a wallet sign-in made at `signedInAtMs` still stands: the wallet is linked to the
   * customer, and has been since before then (unlinking and linking again ends earlier sign-ins).
   */
  async signInIsCurrent(customerId: string, address: unknown, signedInAtMs: number): Promise<boolean> {
    if (typeof address !== "string") return false
    const [row] = await this.activeManager_.query(
      `SELECT 1 FROM customer_wallet WHERE address = $1 AND customer_id = $2 AND date_trunc('second', linked_at) <= $3`,
      [address.toLowerCase(), customerId, new Date(signedInAtMs)]
    )
    return Boolean(row)
  }

  async isLinked(customerId: string, address: string): Promise<boolean> {
    return (await this.ownerOf(address)) === customerId
  }

  /** Idempotent for the same customer; a wallet another customer holds is a 409. */
  async link(customerId: string, address: string, chainId: number): Promise<CustomerWallet> {
    const lower = address.toLowerCase()
    const [row] = await this.activeManager_.query(
      `INSERT INTO customer_wallet (address, customer_id, chain_id) VALUES ($1, $2, $3)
       ON CONFLICT (address) DO UPDATE SET address = EXCLUDED.address WHERE customer_wallet.customer_id = EXCLUDED.customer_id
       RETURNING address, chain_id, linked_at, (xmax = 0) AS inserted`,
      [lower, customerId, chainId]
    )
    if (!row) throw conflict("This wallet is already linked to another account")
    if (row.inserted) await this.eventBus_.emit(WALLET_LINKED, { customer_id: customerId, address: getAddress(lower) })
    return { address: getAddress(lower), chain_id: row.chain_id, linked_at: row.linked_at }
  }

  async unlink(customerId: string, address: string): Promise<void> {
    const rows = rowsOf(await this.activeManager_.query(`DELETE FROM customer_wallet WHERE address = $1 AND customer_id = $2 RETURNING address`, [
      address.toLowerCase(),
      customerId,
    ]))
    if (!rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This wallet is not linked to your account")
    await this.eventBus_.emit(WALLET_UNLINKED, { customer_id: customerId, address: getAddress(address.toLowerCase()) })
  }
}
