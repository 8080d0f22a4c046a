// The seed's fractional offerings (the brief's example): an open offering of 100 shares at
// $6.25 with 13 held by the dev customer, a sold-out one and a draft, on the local chain.
import { getAddress, type Address } from "viem"
import { sharesChainConfig } from "../lib/chain-config"
import { sharesChain } from "../lib/shares-chain"
import type OfferingService from "../services/offering"
import { chainReachable, reconcileFractionalChain } from "./reconcile-chain"

// Hardhat's development account #3 (public key material, local chain only): the dev
// customer's share wallet, so a developer can import it into a browser wallet.
export const DEV_SHARE_WALLET: Address = getAddress("0x90f79bf6eb2c4f870365e785982e1f101e93b906")

type SeedOffering = {
  title: string
  artifactHandle: string
  total: number
  usd: number
  eur: number
  cap: number | null
  open: boolean
  devHolds: number
}

export const SEED_OFFERINGS: SeedOffering[] = [
  { title: "Vault: Imperial Emerald", artifactHandle: "vault-imperial-emerald", total: 100, usd: 625, eur: 579, cap: 50, open: true, devHolds: 13 },
  { title: "Vault: Paraíba Tourmaline", artifactHandle: "vault-paraiba-tourmaline", total: 10, usd: 86000, eur: 79800, cap: null, open: true, devHolds: 10 },
  { title: "Kivu Tourmaline Collector Stone", artifactHandle: "kivu-tourmaline-collector-stone", total: 40, usd: 2350, eur: 2175, cap: 10, open: false, devHolds: 0 },
]

async function approveDevCustomer(manager: any, customerId: string) {
  const [latest] = await manager.query(`SELECT status FROM fractional_kyc_application WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 1`, [customerId])
  if (latest?.status === "approved") return
  const [application] = await manager.query(
    `INSERT INTO fractional_kyc_application (id, customer_id, legal_name, country_code, date_of_birth, status)
     VALUES ('kyc_seed_' || substr(md5($1), 1, 20), $1, 'Ada Shopper', 'us', '1990-04-12', 'approved') RETURNING id`,
    [customerId]
  )
  await manager.query(
    `INSERT INTO fractional_kyc_decision (id, application_id, decision, note, decided_by) VALUES ($1, $2, 'approved', 'Seeded development customer', 'seed')`,
    [`kycdec_seed_${application.id.slice(-12)}`, application.id]
  )
}

/** Idempotent; without a reachable chain it does nothing (offerings only exist where the chain does). */
export async function seedFractional(container: any, opts: { devCustomerEmail: string }) {
  if (!(await chainReachable())) return { skipped: "no chain" }
  const reconciliation = await reconcileFractionalChain(container)
  const manager = container.resolve("manager")
  const [customer] = await manager.query(`SELECT id FROM customer WHERE email = $1 AND has_account`, [opts.devCustomerEmail])
  if (!customer) return { skipped: "no dev customer", reconciliation }

  let wallets: any
  try {
    wallets = container.resolve("customerWalletService")
  } catch {
    wallets = undefined
  }
  if (wallets && !(await wallets.ownerOf(DEV_SHARE_WALLET))) await wallets.link(customer.id, DEV_SHARE_WALLET, sharesChainConfig().chainId)
  await approveDevCustomer(manager, customer.id)
  await container.resolve("kycService").syncEligibility(customer.id)

  const offerings: OfferingService = container.resolve("offeringService")
  const chain = sharesChain(sharesChainConfig())
  let created = 0
  for (const spec of SEED_OFFERINGS) {
    const [exists] = await manager.query(`SELECT id FROM fractional_offering WHERE title = $1`, [spec.title])
    if (exists) continue
    const [artifact] = await manager.query(`SELECT id FROM product WHERE handle = $1 AND deleted_at IS NULL`, [spec.artifactHandle])
    let offering = await offerings.create({
      title: spec.title,
      artifact_product_id: artifact?.id ?? null,
      twin_token_id: artifact ? undefined : 0,
      total_shares: spec.total,
      prices: { usd: spec.usd, eur: spec.eur },
      investor_cap: spec.cap,
    })
    created++
    if (!spec.open) continue
    offering = await offerings.open(offering.id)
    if (!spec.devHolds || !wallets) continue
    const hash = await chain.sendAndConfirm("minter", "mintShares", [DEV_SHARE_WALLET, BigInt(offering.chain_offering_id!), BigInt(spec.devHolds)])
    await manager.query(
      `INSERT INTO fractional_share_reservation (id, offering_id, line_item_id, customer_id, wallet, quantity, status, mint_tx_hash)
       VALUES ($1, $2, $3, $4, $5, $6, 'confirmed', $7)`,
      [`shres_seed_${offering.id.slice(-12)}`, offering.id, `seed:${offering.id}`, customer.id, DEV_SHARE_WALLET, spec.devHolds, hash]
    )
    await manager.query(
      `UPDATE fractional_offering SET sold = sold + $2, status = CASE WHEN sold + $2 = total_shares THEN 'sold_out' ELSE status END WHERE id = $1`,
      [offering.id, spec.devHolds]
    )
  }
  return { created, reconciliation }
}
