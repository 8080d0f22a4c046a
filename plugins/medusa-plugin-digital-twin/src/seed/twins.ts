import { getAddress } from "viem"
import type { Trait } from "../lib/metadata"
import type DigitalTwinService from "../services/digital-twin"
import { linkWalletIfFree } from "../db/customer-wallet"
import { countTwinsOfCustomer, submitForCustodialMint } from "../db/digital-twin"
import { registeredCustomerId } from "../db/medusa-core"

/** Hardhat dev account #3: the dev customer's wallet on the local chain (a public, dev-only key). */
export const DEV_WALLET = getAddress("0x90f79bf6eb2c4f870365e785982e1f101e93b906")

export type TwinPieceSeed = { handle: string; traits: Record<string, string | number> }

/**
 * Marks the pieces twin-eligible with their traits (where an admin has not set traits), and
 * gives the dev customer one twin to claim and one that the local chain mints at `npm run dev`.
 * Running it again changes nothing.
 */
export async function seedDigitalTwins(
  container: any,
  opts: { pieces: TwinPieceSeed[]; devCustomerEmail?: string | null }
): Promise<{ eligible: number; devTwins: number }> {
  const productService = container.resolve("productService")
  const manager = container.resolve("manager")
  const products: Record<string, any> = {}
  for (const piece of opts.pieces) {
    const [product] = await productService.list({ handle: piece.handle }, { select: ["id", "title", "description", "metadata"], take: 1 })
    if (!product) continue
    products[piece.handle] = product
    if (product.metadata?.digital_twin === true && Array.isArray(product.metadata?.twin_traits)) continue
    const metadata = { ...(product.metadata ?? {}), digital_twin: true, twin_traits: traitList(piece.traits) }
    await productService.update(product.id, { metadata })
    product.metadata = metadata
  }
  if (!opts.devCustomerEmail) return { eligible: Object.keys(products).length, devTwins: 0 }

  const customerId = await registeredCustomerId(manager, opts.devCustomerEmail)
  if (!customerId) return { eligible: Object.keys(products).length, devTwins: 0 }
  const count = await countTwinsOfCustomer(manager, customerId)
  if (count > 0) return { eligible: Object.keys(products).length, devTwins: count }

  await linkWalletIfFree(manager, customerId, DEV_WALLET.toLowerCase(), 31337)
  const twins: DigitalTwinService = container.resolve("digitalTwinService")
  const [claimable, minted] = [opts.pieces[0], opts.pieces[1]].map((p) => products[p.handle])
  const toClaim = await twins.insertTwin({
    productId: claimable.id,
    customerId,
    title: claimable.title,
    description: claimable.description,
    sku: "GEM-001",
    traits: claimable.metadata.twin_traits,
  })
  await container.resolve("twinClaimService").issueCode(toClaim.id, { email: opts.devCustomerEmail })
  const toMint = await twins.insertTwin({
    productId: minted.id,
    customerId,
    title: minted.title,
    description: minted.description,
    sku: "GEM-003",
    traits: minted.metadata.twin_traits,
  })
  // Minted to the dev wallet by the dev start (scripts/dev.js → dev-chain reconcile); chain sync confirms it.
  await submitForCustodialMint(manager, toMint.id, DEV_WALLET.toLowerCase())
  return { eligible: Object.keys(products).length, devTwins: 2 }
}

/** Stored as a list: jsonb keeps a list's order but not an object's keys'. */
export function traitList(traits: Record<string, string | number>): Trait[] {
  return Object.entries(traits).map(([trait_type, value]) => ({ trait_type, value }))
}
