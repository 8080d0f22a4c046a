import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { bodyOf, invalid } from "../../../../../lib/http"
import { normalizeTraits } from "../../../../../lib/metadata"

/** Twin eligibility and traits of a product (product.metadata.digital_twin / twin_traits). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const product = await req.scope.resolve<any>("productService").retrieve(req.params.product_id, { select: ["id", "metadata"] })
  res.json({ product_id: product.id, eligible: product.metadata?.digital_twin === true, traits: normalizeTraits(product.metadata?.twin_traits) })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = bodyOf(req)
  if (typeof body.eligible !== "boolean") invalid("eligible must be true or false")
  if (body.traits !== undefined && (typeof body.traits !== "object" || body.traits === null)) invalid("traits must be a list of { trait_type, value } or an object")
  const traits = normalizeTraits(body.traits ?? [])
  const given = Array.isArray(body.traits) ? body.traits.length : Object.keys((body.traits as object) ?? {}).length
  if (traits.length !== given) invalid("every trait needs a name (at most 40 characters) and a text (at most 80) or number value")
  const productService = req.scope.resolve<any>("productService")
  const product = await productService.retrieve(req.params.product_id, { select: ["id", "metadata"] }).catch(() => null)
  if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product ${req.params.product_id}`)
  // A list, not an object: Postgres jsonb would reorder an object's keys, and the order is the metadata's.
  await productService.update(product.id, { metadata: { ...(product.metadata ?? {}), digital_twin: body.eligible, twin_traits: traits } })
  res.json({ product_id: product.id, eligible: body.eligible, traits })
}
