import { createHash } from "node:crypto"
import type { NextFunction, Request, Response } from "express"
import type { AwilixContainer } from "awilix"
import { sessionCutoffOf, setSessionCutoff } from "../db/customer-session-cutoff"
import jwt from "jsonwebtoken"
import type { EntityManager } from "typeorm"
import type { CustomerWalletService } from "@pva/medusa-plugin-digital-twin"

/**
 * Medusa 1.x store tokens are JWTs that stay good until they expire (30 days), whatever
 * happens to the account. Here a token stops counting when what it stands for ends:
 * - a password change ends every token issued before it, except the one that made the change
 *   (`customer_session_cutoff`), and every other cookie session of the account;
 * - a wallet sign-in token (it names its wallet) ends when that wallet is unlinked.
 * An ended token is treated as no token at all: routes that need a customer answer 401,
 * the others serve a guest, just as for an expired token.
 */

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex")

/** The bearer token of a request, if it has one. */
function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization
  const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match?.[1]
}

/**
 * Ends the customer's sessions: bearer tokens issued before now and the account's cookie
 * sessions, except the caller's own (its token or cookie session) when `exceptCaller`.
 */
export async function endSessions(req: Request, manager: EntityManager, customerId: string, { exceptCaller }: { exceptCaller: boolean }): Promise<void> {
  // Tokens carry their issue time in whole seconds. The cutoff is the next whole second and the
  // answer waits for it, so every token issued before the change is older than the cutoff and
  // every token issued after the caller hears back is not.
  const cutoffMs = Math.ceil((Date.now() + 1) / 1000) * 1000
  const kept = exceptCaller ? bearerOf(req) : undefined
  await setSessionCutoff(manager, { customer_id: customerId, not_before: new Date(cutoffMs), kept_token_sha256: kept ? sha256(kept) : null })
  await destroyCookieSessions(req, customerId, exceptCaller ? (req as WithSession).sessionID : undefined)
  const wait = cutoffMs - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
}

/** A cookie session as this file reads it: whom it is signed in as. */
type StoredSession = { id?: string; customer_id?: unknown }

type SessionStore = {
  all?: (cb: (err: unknown, sessions?: Record<string, StoredSession> | StoredSession[] | null) => void) => void
  destroy: (sid: string, cb: (err?: unknown) => void) => void
}

/** express-session's fields on a request (its types are not in the tree). */
type WithSession = Request & { sessionID?: string; sessionStore?: SessionStore }

/** Medusa's cookie sessions (express-session, in Redis with REDIS_URL) signed in as this customer, but `keep`. */
async function destroyCookieSessions(req: Request, customerId: string, keep: string | undefined): Promise<void> {
  const store = (req as WithSession).sessionStore
  if (!store?.all) throw new Error("The session store cannot list sessions, so a password change cannot end them")
  const sessions = await new Promise<Record<string, StoredSession>>((resolve, reject) =>
    store.all!((err, all) => {
      if (err) return reject(err)
      // connect-redis lists sessions as an array of { id, ...session }, the memory store as an object by id.
      if (Array.isArray(all)) resolve(Object.fromEntries(all.map((s) => [s.id, s])))
      else resolve(all ?? {})
    })
  )
  const others = Object.entries(sessions).filter(([sid, s]) => sid !== keep && s?.customer_id === customerId)
  await Promise.all(others.map(([sid]) => new Promise<void>((resolve, reject) => store.destroy(sid, (err) => (err ? reject(err) : resolve())))))
}

/** Whether a verified store token has ended (see above). */
/** The claims of a Medusa store token that this file reads. */
type StoreClaims = { domain?: unknown; customer_id: string; iat?: unknown; wallet?: string }

async function hasEnded(container: AwilixContainer, token: string, claims: StoreClaims): Promise<boolean> {
  const customerId = claims.customer_id
  const issuedAtMs = Number(claims.iat) * 1000
  if (!Number.isFinite(issuedAtMs)) return true
  const manager = container.resolve<EntityManager>("manager")
  const cutoff = await sessionCutoffOf(manager, customerId)
  if (cutoff && issuedAtMs < new Date(cutoff.not_before).getTime() && cutoff.kept_token_sha256 !== sha256(token)) return true
  if (claims.wallet !== undefined) {
    const wallets = container.resolve<CustomerWalletService>("customerWalletService")
    if (!(await wallets.signInIsCurrent(customerId, claims.wallet, issuedAtMs))) return true
  }
  return false
}

/**
 * In front of every store route (Medusa checks tokens per route, with no hook of its own):
 * an ended token is taken off the request before any route sees it.
 */
export function forgetEndedSessions(containerOf: () => AwilixContainer | undefined, jwtSecret: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const token = bearerOf(req)
    const container = containerOf()
    if (!token || !container) return next()
    let claims: unknown
    try {
      claims = jwt.verify(token, jwtSecret)
    } catch {
      return next() // not a token of ours, or expired: Medusa refuses it itself
    }
    if (!isStoreClaims(claims)) return next()
    hasEnded(container, token, claims).then((ended) => {
      if (ended) delete req.headers.authorization
      next()
    }, next)
  }
}

function isStoreClaims(claims: unknown): claims is StoreClaims {
  if (typeof claims !== "object" || claims === null) return false
  const { domain, customer_id, wallet } = claims as Record<string, unknown>
  return domain === "store" && typeof customer_id === "string" && (wallet === undefined || typeof wallet === "string")
}
