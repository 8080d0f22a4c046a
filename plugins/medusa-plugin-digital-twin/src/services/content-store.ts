import { contentAddress, parseRawCid } from "@pva/contracts"
import { PerCallService } from "@pva/medusa-kit/service"
import { blockByCid, putBlock } from "../db/content-block"

/** The local content-addressed store behind GET /ipfs/:cid: bytes in Postgres, keyed by their CID. */
export default class ContentStoreService extends PerCallService {
  static identifier = "contentStoreService"

  async put(bytes: Uint8Array, contentType: string): Promise<{ cid: string; digest: `0x${string}` }> {
    const address = contentAddress(bytes)
    await putBlock(this.activeManager_, { cid: address.cid, content_type: contentType, bytes: Buffer.from(bytes) })
    return address
  }

  async get(cid: string): Promise<{ cid: string; contentType: string; bytes: Buffer } | null> {
    const parsed = parseRawCid(cid)
    if (!parsed) return null
    const row = await blockByCid(this.activeManager_, parsed)
    return row ? { cid: parsed, contentType: row.content_type, bytes: row.bytes } : null
  }
}
