import type { NextFunction, Request, Response } from "express"
import type Redis from "ioredis"
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible"

/**
 * rate-limiter-flexible's memory store forgets a key only when its window ends, so
 * a flood of distinct identities could grow it without end. This one holds at most
 * `maxKeys` live windows; when full it refuses new identities until a window ends
 * (refusing, not forgetting, so a flood cannot wipe the counters it is racing).
 */
export class BoundedMemoryLimiter extends RateLimiterMemory {
  // Every window of one limiter lasts as long, so insertion order is expiry order.
  private readonly windows = new Map<string, number>()

  constructor(opts: { points: number; duration: number; keyPrefix: string }, private readonly maxKeys: number) {
    super(opts)
  }

  override consume(key: string | number, points = 1, options: { [key: string]: any } = {}): Promise<RateLimiterRes> {
    const id = String(key)
    const now = Date.now()
    const endsAt = this.windows.get(id)
    if (endsAt === undefined || endsAt <= now) {
      this.forgetEnded(now)
      if (this.windows.size >= this.maxKeys) {
        const [oldestEnd] = this.windows.values()
        return Promise.reject(new RateLimiterRes(0, Math.max(oldestEnd - now, 1000), points, false))
      }
      this.windows.delete(id)
      this.windows.set(id, now + this.duration * 1000)
    }
    return super.consume(key, points, options)
  }

  get liveKeys(): number {
    this.forgetEnded(Date.now())
    return this.windows.size
  }

  private forgetEnded(now: number) {
    for (const [id, endsAt] of this.windows) {
      if (endsAt > now) break
      this.windows.delete(id)
    }
  }
}

/**
 * Makes one fixed-window counter per limit: in Redis when configured, so every server
 * process shares the count (with a bounded in-memory stand-in while Redis is
 * unreachable), otherwise in this process's bounded memory.
 */
export class RateLimiters {
  constructor(private readonly opts: { redis?: Redis; windowSeconds: number; memoryKeys: number }) {}

  limiter(name: string, points: number): RateLimiterAbstract {
    const settings = { points, duration: this.opts.windowSeconds, keyPrefix: `pva:ratelimit:${name}` }
    const memory = new BoundedMemoryLimiter(settings, this.opts.memoryKeys)
    if (!this.opts.redis) return memory
    return new RateLimiterRedis({ ...settings, storeClient: this.opts.redis, insuranceLimiter: memory, rejectIfRedisNotReady: true })
  }
}

export type LimitRule = {
  /** What is being limited, as the 429 message names it ("login", "password reset"). */
  name: string
  limiter: RateLimiterAbstract
  /** The identity a request is counted under; none means the rule does not apply. */
  keyOf: (req: Request) => string | undefined
}

/** Counts a request under every rule, in order; the first exhausted one answers 429 with Retry-After. */
export function rateLimit(rules: LimitRule[]) {
  return async (req: Request, res: Response, next: NextFunction) => {
    for (const rule of rules) {
      const identity = rule.keyOf(req)
      if (!identity) continue
      try {
        await rule.limiter.consume(identity)
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) return next(err)
        const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000))
        res.setHeader("Retry-After", String(seconds))
        res.status(429).json({
          type: "too_many_requests",
          code: "rate_limited",
          message: `Too many ${rule.name} attempts: try again in ${seconds} seconds`,
        })
        return
      }
    }
    next()
  }
}

/**
 * The client's address as Express derives it under `trust proxy` (see TRUST_PROXY):
 * the socket's peer unless that peer is a trusted proxy. Medusa's own
 * request_context.ip_address believes any X-Forwarded-For, so it is not used here.
 */
export function clientIp(req: Request): string {
  return (req.ip || req.socket.remoteAddress || "unknown").replace(/^::ffff:/, "")
}

/**
 * Medusa asks request-ip for the client (request_context, a cart's context.ip), and
 * request-ip believes any forwarding header, x-client-ip first: both get the trusted address.
 */
export function clientIpInRequestContext(req: Request, _res: Response, next: NextFunction) {
  const ip = clientIp(req)
  req.headers["x-client-ip"] = ip
  const context = (req as any).request_context
  if (context) context.ip_address = ip
  next()
}
