import { randomBytes } from "node:crypto"
import { MedusaError } from "medusa-core-utils"
import { createPublicClient, getAddress, http, isHex } from "viem"
import { parseSiweMessage, verifySiweMessage } from "viem/siwe"
import { resolveSettings, type DigitalTwinPluginOptions, type DigitalTwinSettings } from "../lib/settings"
import { PerCallService } from "@pva/medusa-kit/service"
import { consumeNonce, storeNonce } from "../db/wallet-nonce"

const NONCE_TTL_SECONDS = 300
/** A message issued longer ago than this is stale even if its own expiry is later. */
const MAX_MESSAGE_AGE_MS = 10 * 60_000
const CLOCK_SKEW_MS = 60_000

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Sign-In with Ethereum (EIP-4361). viem checks the signature (EOA, ERC-1271, ERC-6492); this
 * service checks what viem leaves to the caller: the domain allow-list, uri, chain, freshness,
 * a present expiry, and a server-issued nonce consumed exactly once.
 */
export default class WalletSignInService extends PerCallService {
  static identifier = "walletSignInService"
  readonly settings: DigitalTwinSettings

  constructor(container: any, options: DigitalTwinPluginOptions = {}) {
    super(arguments[0])
    this.settings = resolveSettings(options)
  }

  async issueNonce(): Promise<{ nonce: string; expires_at: string }> {
    // SIWE nonces are alphanumeric, at least 8 characters: 128 random bits in hex.
    const nonce = randomBytes(16).toString("hex")
    const expiresAt = new Date(Date.now() + NONCE_TTL_SECONDS * 1000)
    await storeNonce(this.activeManager_, { nonce, expires_at: expiresAt })
    return { nonce, expires_at: expiresAt.toISOString() }
  }

  /** The proven wallet address and chain, or a 400 saying what is wrong with the message. */
  async verify(message: unknown, signature: unknown): Promise<{ address: `0x${string}`; chainId: number }> {
    if (typeof message !== "string" || message.length < 20 || message.length > 4096) throw refuse("message must be an EIP-4361 message string")
    if (typeof signature !== "string" || !isHex(signature) || signature.length < 132) throw refuse("signature must be a 0x-prefixed hex signature")
    const fields = parseSiweMessage(message)
    if (!fields.address || !fields.domain || !fields.nonce || !fields.uri || !fields.version || !fields.chainId || !fields.issuedAt) {
      throw refuse("message is not a complete EIP-4361 message (domain, address, uri, version, chain id, nonce, issued at)")
    }
    if (fields.version !== "1") throw refuse("message version must be 1")
    if (!this.settings.siweDomains.includes(fields.domain)) throw refuse(`domain ${fields.domain} is not a PVA Bazaar storefront`)
    let uri: URL
    try {
      uri = new URL(fields.uri)
    } catch {
      throw refuse("uri must be a URL")
    }
    if (uri.host !== fields.domain) throw refuse("uri must be on the message's domain")
    if (fields.chainId !== this.settings.chainId) throw refuse(`chain id must be ${this.settings.chainId}`)
    const now = Date.now()
    if (!fields.expirationTime) throw refuse("message must have an expiration time")
    if (fields.expirationTime.getTime() <= now) throw refuse("message has expired")
    if (fields.issuedAt.getTime() > now + CLOCK_SKEW_MS) throw refuse("message is issued in the future")
    if (fields.issuedAt.getTime() < now - MAX_MESSAGE_AGE_MS) throw refuse("message was issued too long ago: sign a new one")
    if (fields.notBefore && fields.notBefore.getTime() > now + CLOCK_SKEW_MS) throw refuse("message is not valid yet")

    const client = createPublicClient({ transport: http(this.settings.rpcUrl, { retryCount: 1 }) })
    let valid: boolean
    try {
      valid = await verifySiweMessage(client, { message, signature: signature as `0x${string}`, domain: fields.domain, nonce: fields.nonce })
    } catch {
      valid = false
    }
    if (!valid) throw refuse("signature does not match the message and its address")
    // Consumed only after the signature checks out, in one statement: two requests with the
    // same nonce cannot both get here.
    if (!(await consumeNonce(this.activeManager_, fields.nonce))) throw refuse("nonce is unknown, expired or already used: ask for a new one")
    return { address: getAddress(fields.address), chainId: fields.chainId }
  }
}
