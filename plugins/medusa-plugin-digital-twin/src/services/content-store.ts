import { contentAddress, parseRawCid } from "@pva/contracts"
import { PerCallService } from "@pva/medusa-kit"

/** The local content-addressed store behind GET /ipfs/:cid: bytes in Postgres, keyed by their CID. */
export default class ContentStoreService extends PerCallService {
  static identifier = "contentStoreService"

  async put(bytes: Uint8Array, contentType: string): Promise<{ cid: string; digest: `0x${string}` }> {
    const address = contentAddress(bytes)
    await this.activeManager_.query(
      `INSERT INTO content_block (cid, content_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (cid) DO NOTHING`,
      [address.cid, contentType, Buffer.from(bytes)]
    )
    return address
  }

  async get(cid: string): Promise<{ cid: string; contentType: string; bytes: Buffer } | null> {
    const parsed = parseRawCid(cid)
    if (!parsed) return null
    const [row] = await this.activeManager_.query(`SELECT content_type, bytes FROM content_block WHERE cid = $1`, [parsed])
    return row ? { cid: parsed, contentType: row.content_type, bytes: row.bytes } : null
  }
}
