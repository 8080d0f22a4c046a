import { MedusaError } from "medusa-core-utils"
import { HttpError } from "../lib/http"
import { TwinService } from "../lib/twin-service"
import type ContentStoreService from "./content-store"
import { markPinned, type TwinRow } from "../db/digital-twin"

/**
 * Pins a twin's image and metadata to the configured pinning service before any voucher names
 * them, and refuses to go on unless the service reports the CID we computed. Without a
 * service the local content store (GET /ipfs/:cid) is the origin.
 */
export default class PinningService extends TwinService {
  static identifier = "pinningService"
  get configured(): boolean {
    return !!this.settings_.pinning
  }

  async ensurePinned(twin: Pick<TwinRow, "id" | "image_cid" | "metadata_cid" | "pinned_at" | "tag_id">): Promise<void> {
    if (!this.settings_.pinning || twin.pinned_at) return
    const content: ContentStoreService = this.container_.contentStoreService
    for (const cid of [twin.image_cid, twin.metadata_cid]) {
      const block = await content.get(cid)
      if (!block) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `content ${cid} is missing from the content store`)
      const pinned = await this.pin(block.bytes, block.contentType, cid, `${twin.tag_id}-${cid.slice(-8)}`)
      if (pinned !== cid) throw new HttpError(502, "pinning_error", `The pinning service answered CID ${pinned} for content whose CID is ${cid}`)
    }
    await markPinned(this.activeManager_, twin.id)
  }

  /** The CID the service reports for `bytes`. */
  async pin(bytes: Buffer, contentType: string, cid: string, name: string): Promise<string> {
    const { kind, url, token } = this.settings_.pinning!
    const base = url.replace(/\/+$/, "")
    const headers = { authorization: `Bearer ${token}` }
    let res: Response
    if (kind === "pinata") {
      // Pinata uploads the bytes; CIDv1 makes a one-block file a raw leaf, the same CID as ours.
      const form = new FormData()
      form.append("file", new Blob([bytes], { type: contentType }), name)
      form.append("pinataOptions", JSON.stringify({ cidVersion: 1 }))
      form.append("pinataMetadata", JSON.stringify({ name }))
      res = await fetch(`${base}/pinning/pinFileToIPFS`, { method: "POST", headers, body: form })
    } else {
      // IPFS Pinning Service API: the service fetches the content by CID from its origins.
      res = await fetch(`${base}/pins`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ cid, name }),
      })
    }
    const body: any = await res.json().catch(() => ({}))
    if (!res.ok) {
      const reason = body?.error?.reason ?? body?.error?.details ?? body?.error ?? "no reason given"
      throw new HttpError(502, "pinning_error", `The pinning service refused to pin (${res.status}): ${typeof reason === "string" ? reason : JSON.stringify(reason)}`)
    }
    const answered = kind === "pinata" ? body.IpfsHash : body.pin?.cid
    if (typeof answered !== "string") throw new HttpError(502, "pinning_error", "The pinning service answered without a CID")
    return answered
  }
}
