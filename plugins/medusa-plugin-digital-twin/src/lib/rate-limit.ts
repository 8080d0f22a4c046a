// Wallet sign-in and claim limits, counted by the limiters medusa-server's own limits use
// (@pva/medusa-kit): in Redis when REDIS_URL is set, so every process shares the count,
// otherwise in this process's bounded memory.
import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { clientIp, RateLimiters, refuseOverLimit } from "@pva/medusa-kit"
import type { DigitalTwinSettings } from "./settings"

let limiters: RateLimiters | undefined

function limitersFor(settings: DigitalTwinSettings): RateLimiters {
  limiters ??= new RateLimiters({ redisUrl: settings.redisUrl, memoryKeys: settings.rateLimitMemoryKeys })
  return limiters
}

/**
 * Nonces, SIWE verifications and wallet links share one count per client and minute.
 * Answers 429 with Retry-After and returns true when the client is over it.
 */
export function refuseSignInFlood(req: MedusaRequest, res: MedusaResponse, settings: DigitalTwinSettings): Promise<boolean> {
  const limiter = limitersFor(settings).limiter("wallet-sign-in", settings.siweAttemptsPerMinute, 60)
  return refuseOverLimit(req, res, [{ name: "wallet sign-in", counted: "requests", limiter, keyOf: clientIp }])
}

/**
 * Claim-code guesses per customer, and five times as many per client (shoppers behind one
 * address). Answers 429 with Retry-After and returns true when either is exhausted.
 */
export function refuseClaimFlood(req: MedusaRequest, res: MedusaResponse, customerId: string, settings: DigitalTwinSettings): Promise<boolean> {
  const { claimAttemptsPerWindow: limit, claimWindowSeconds: window } = settings
  const counters = limitersFor(settings)
  return refuseOverLimit(req, res, [
    { name: "claim", limiter: counters.limiter("twin-claim-customer", limit, window), keyOf: () => customerId },
    { name: "claim", limiter: counters.limiter("twin-claim-client", limit * 5, window), keyOf: clientIp },
  ])
}
