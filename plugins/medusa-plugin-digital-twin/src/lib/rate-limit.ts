// The one place this plugin counts attempts. Same mechanism as medusa-server's limiter (fixed
// windows, Redis when REDIS_URL is set so every process shares the count); kept behind
// `tooManyAttempts` so it can be swapped for the server's shared limiter in one place.
import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

type Counter = (key: string, windowSeconds: number) => Promise<{ count: number; resetInSeconds: number }>

let counter: Counter | undefined

function memoryCounter(): Counter {
  const windows = new Map<string, { count: number; resetsAt: number }>()
  return async (key, windowSeconds) => {
    const now = Date.now()
    let w = windows.get(key)
    if (!w || w.resetsAt <= now) {
      w = { count: 0, resetsAt: now + windowSeconds * 1000 }
      windows.set(key, w)
      if (windows.size > 50_000) for (const [k, v] of windows) if (v.resetsAt <= now) windows.delete(k)
    }
    w.count += 1
    return { count: w.count, resetInSeconds: Math.ceil((w.resetsAt - now) / 1000) }
  }
}

function redisCounter(url: string): Counter {
  const Redis = require("ioredis")
  const redis = new Redis(url, { maxRetriesPerRequest: 2 })
  return async (key, windowSeconds) => {
    const redisKey = `pva:ratelimit:${key}`
    const [[, count], [, ttl]] = await redis.multi().incr(redisKey).ttl(redisKey).exec()
    if (ttl < 0) await redis.expire(redisKey, windowSeconds)
    return { count, resetInSeconds: ttl > 0 ? ttl : windowSeconds }
  }
}

/** Counts one attempt under each key; returns the seconds to wait when any key is over `limit`. */
export async function tooManyAttempts(keys: string[], limit: number, windowSeconds: number): Promise<number | null> {
  counter ??= process.env.REDIS_URL ? redisCounter(process.env.REDIS_URL) : memoryCounter()
  let wait: number | null = null
  for (const key of keys) {
    const { count, resetInSeconds } = await counter(key, windowSeconds)
    if (count > limit) wait = Math.max(wait ?? 0, Math.max(1, resetInSeconds))
  }
  return wait
}

export function clientIp(req: MedusaRequest): string {
  return (req as any).request_context?.ip_address || req.ip || req.socket?.remoteAddress || "unknown"
}

/** Answers 429 with Retry-After and returns true when the client is over `limit` for `name`. */
export async function refuseFlood(req: MedusaRequest, res: MedusaResponse, name: string, limit: number, windowSeconds: number): Promise<boolean> {
  const wait = await tooManyAttempts([`${name}:client:${clientIp(req)}`], limit, windowSeconds)
  if (!wait) return false
  res.setHeader("Retry-After", String(wait))
  res.status(429).json({ type: "too_many_requests", message: `Too many ${name} requests: try again in ${wait} seconds` })
  return true
}
