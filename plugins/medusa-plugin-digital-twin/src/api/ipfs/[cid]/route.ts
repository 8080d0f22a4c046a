import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ContentStoreService from "../../../services/content-store"

/** The local IPFS-style gateway: content never changes under its CID, so caches may keep it forever. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const content: ContentStoreService = req.scope.resolve("contentStoreService")
  const block = await content.get(req.params.cid)
  if (!block) {
    res.status(404).json({ type: "not_found", message: `No content with CID ${req.params.cid} (raw sha2-256 CIDv1 only)` })
    return
  }
  const etag = `"${block.cid}"`
  res.setHeader("Cache-Control", "public, max-age=29030400, immutable")
  res.setHeader("ETag", etag)
  res.setHeader("X-Ipfs-Path", `/ipfs/${block.cid}`)
  res.setHeader("Access-Control-Allow-Origin", "*")
  if (req.get("if-none-match") === etag) {
    res.status(304).end()
    return
  }
  res.setHeader("Content-Type", block.contentType)
  res.send(block.bytes)
}
