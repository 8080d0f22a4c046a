import type { NextFunction, Request, Response } from "express"
import Redis from "ioredis"

/** Counts hits per key in fixed windows; Redis when configured so every server process shares the count. */
export interface HitCounter {
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }>
}

export class MemoryHitCounter implements HitCounter {
  private windows = new Map<string, { count: number; resetsAt: number }>()

  async hit(key: string, windowSeconds: number) {
    const now = Date.now()
    let window = this.windows.get(key)
    if (!window || window.resetsAt <= now) {
      window = { count: 0, resetsAt: now + windowSeconds * 1000 }
      this.windows.set(key, window)
      if (this.windows.size > 50_000) this.evictExpired(now)
    }
    window.count += 1
    return { count: window.count, resetInSeconds: Math.ceil((window.resetsAt - now) / 1000) }
  }

  private evictExpired(now: number) {
    for (const [key, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(key)
  }
}

export class RedisHitCounter implements HitCounter {
  constructor(private redis: Redis) {}

  async hit(key: string, windowSeconds: number) {
    const redisKey = `pva:ratelimit:${key}`
    const [[, count], [, ttl]] = (await this.redis
      .multi()
      .incr(redisKey)
      .ttl(redisKey)
      .exec()) as [[null, number], [null, number]]
    if (ttl < 0) await this.redis.expire(redisKey, windowSeconds)
    return { count, resetInSeconds: ttl > 0 ? ttl : windowSeconds }
  }
}

export type LimitRule = {
  name: string
  limit: number
  windowSeconds: number
  /** The identity a request is counted under; none means the rule does not apply. */
  keyOf: (req: Request) => string | undefined
}

export function rateLimit(counter: HitCounter, rules: LimitRule[]) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      for (const rule of rules) {
        const identity = rule.keyOf(req)
        if (!identity) continue
        const { count, resetInSeconds } = await counter.hit(`${rule.name}:${identity}`, rule.windowSeconds)
        if (count > rule.limit) {
          res.setHeader("Retry-After", String(Math.max(1, resetInSeconds)))
          res.status(429).json({
            type: "too_many_requests",
            code: "rate_limited",
            message: `Too many ${rule.name} attempts: try again in ${Math.max(1, resetInSeconds)} seconds`,
          })
          return
        }
      }
      next()
    } catch (err) {
      next(err)
    }
  }
}

export function clientIp(req: Request): string {
  return (req as any).request_context?.ip_address || req.ip || req.socket.remoteAddress || "unknown"
}
