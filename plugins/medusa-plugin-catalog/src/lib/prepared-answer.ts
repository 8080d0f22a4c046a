import { createHash } from "crypto"
import { gzipSync } from "zlib"

/** Below this, gzip saves nothing worth the header (the compression middleware's default threshold). */
const GZIP_MIN_BYTES = 1024

/**
 * A catalog answer ready to send, kept in the answer cache: shoppers ask the same pages
 * over and over, so it is serialized, tagged and (on first demand) gzipped once, not on
 * every request.
 */
export class PreparedAnswer {
  readonly json: Buffer
  /** Weak: the gzipped and plain bodies are the same answer. */
  readonly etag: string
  private gzipped?: Buffer

  constructor(body: unknown) {
    this.json = Buffer.from(JSON.stringify(body))
    this.etag = `W/"${createHash("sha1").update(this.json).digest("base64url")}"`
  }

  /** The gzipped body, or undefined when the answer is too small to be worth it. */
  get gzip(): Buffer | undefined {
    if (this.json.length < GZIP_MIN_BYTES) return undefined
    this.gzipped ??= gzipSync(this.json)
    return this.gzipped
  }
}
