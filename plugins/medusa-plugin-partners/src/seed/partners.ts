/** The seed's partner cooperatives and which seeded pieces each supplies (by origin). */
export const SEED_PARTNERS = [
  {
    handle: "lukuni-cooperative",
    name: "Lukuni Cooperative",
    country: "Democratic Republic of the Congo",
    country_code: "cd",
    story: "An ethical mining cooperative in Katanga: members own the claims, are paid fairly and trace every stone from pit to polish.",
    contact_email: "orders@lukuni-cooperative.example",
    payout_account_ref: "acct_lukuni_0001",
    origins: ["DRC"],
  },
  {
    handle: "machakos-artisans-collective",
    name: "Machakos Artisans Collective",
    country: "Kenya",
    country_code: "ke",
    story: "Weavers, carvers and leatherworkers from across East and Southern Africa who sell together through one collective.",
    contact_email: "orders@machakos-collective.example",
    payout_account_ref: "acct_machakos_0002",
    origins: ["Kenya", "Tanzania", "Ghana", "Cameroon", "Zambia", "Madagascar", "Mozambique", "Namibia"],
  },
  {
    handle: "atlas-makers-guild",
    name: "Atlas Makers Guild",
    country: "Morocco",
    country_code: "ma",
    story: "A guild of small workshops that sources stones and crafts from partner makers on four continents.",
    contact_email: "orders@atlas-makers.example",
    payout_account_ref: "acct_atlas_0003",
    origins: [] as string[], // everything else
  },
] as const

/**
 * Idempotent: partners are found by handle, and only unowned products are assigned.
 * `products` are the seeded pieces (the server's catalog) with their origin.
 */
export async function seedPartners(container: any, products: ReadonlyArray<{ handle: string; origin: string }>): Promise<void> {
  const partnerService = container.resolve("partnerService")
  const manager = container.resolve("manager")
  const ids: Record<string, string> = {}
  for (const spec of SEED_PARTNERS) {
    const [existing] = await manager.query(`SELECT id FROM partner WHERE handle = $1`, [spec.handle])
    if (existing) {
      ids[spec.handle] = existing.id
      continue
    }
    const { origins, ...fields } = spec
    const created = await partnerService.create({ ...fields, status: "approved" })
    ids[spec.handle] = created.partner.id
  }
  const fallback = SEED_PARTNERS[SEED_PARTNERS.length - 1].handle
  for (const product of products) {
    const owner = SEED_PARTNERS.find((p) => (p.origins as readonly string[]).includes(product.origin))?.handle ?? fallback
    await manager.query(`UPDATE product SET partner_id = $1 WHERE handle = $2 AND partner_id IS NULL`, [ids[owner], product.handle])
  }
}
