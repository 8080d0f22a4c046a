import type { NextFunction, Request, Response } from "express"
import Redis from "ioredis"
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

export type RateLimitersOptions = {
  /** Redis shared by every server process (REDIS_URL); none counts in this process's memory. */
  redisUrl?: string
  /** The window of a limiter that names none. */
  windowSeconds?: number
  /** Identities each limiter keeps at most in memory (RATE_LIMIT_MEMORY_KEYS). */
  memoryKeys?: number
}

/**
 * Makes fixed-window counters: in Redis when configured, so every server process shares
 * the count (with a bounded in-memory stand-in while Redis is unreachable), otherwise in
 * this process's bounded memory. Make one per process and keep the limiters it gives:
 * asking again for the same name, points and window gives the same limiter.
 */
export class RateLimiters {
  private readonly redis?: Redis
  private readonly made = new Map<string, RateLimiterAbstract>()

  constructor(private readonly opts: RateLimitersOptions = {}) {
    this.redis = opts.redisUrl ? new Redis(opts.redisUrl, { maxRetriesPerRequest: 2 }) : undefined
    // ioredis reconnects by itself; meanwhile the memory stand-in counts. Said once per outage.
    let down = false
    this.redis?.on("error", (err) => {
      if (down) return
      down = true
      console.warn(`rate limits: Redis unreachable (${err.message}); counting in memory until it is back`)
    })
    this.redis?.on("ready", () => {
      down = false
    })
  }

  limiter(name: string, points: number, windowSeconds = this.opts.windowSeconds ?? 60): RateLimiterAbstract {
    const id = `${name}/${points}/${windowSeconds}`
    let limiter = this.made.get(id)
    if (!limiter) {
      const settings = { points, duration: windowSeconds, keyPrefix: `pva:ratelimit:${name}` }
      const memory = new BoundedMemoryLimiter(settings, this.opts.memoryKeys ?? 20_000)
      limiter = this.redis
        ? new RateLimiterRedis({ ...settings, storeClient: this.redis, insuranceLimiter: memory, rejectIfRedisNotReady: true })
        : memory
      this.made.set(id, limiter)
    }
    return limiter
  }

  /** Resolves once Redis answers (at once without Redis); until then counts go to the memory stand-in. */
  async ready(): Promise<void> {
    await this.redis?.ping()
  }

  /** Closes the Redis connection (tests; a server keeps it for its lifetime). */
  disconnect(): void {
    this.redis?.disconnect()
  }
}

export type LimitRule = {
  /** What is being limited, as the 429 message names it ("login", "password reset"). */
  name: string
  /** What the 429 message says was counted: "Too many login attempts" (the default) or "requests". */
  counted?: "attempts" | "requests"
  limiter: RateLimiterAbstract
  /** The identity a request is counted under; none means the rule does not apply. */
  keyOf: (req: Request) => string | undefined
}

/**
 * Counts a request under every rule, in order; the first exhausted one answers 429 with
 * Retry-After and the result is true (the caller stops). For route handlers; `rateLimit`
 * is the same as a middleware.
 */
export async function refuseOverLimit(req: Request, res: Response, rules: LimitRule[]): Promise<boolean> {
  for (const rule of rules) {
    const identity = rule.keyOf(req)
    if (!identity) continue
    try {
      await rule.limiter.consume(identity)
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000))
      res.setHeader("Retry-After", String(seconds))
      res.status(429).json({
        type: "too_many_requests",
        code: "rate_limited",
        message: `Too many ${rule.name} ${rule.counted ?? "attempts"}: try again in ${seconds} seconds`,
      })
      return true
    }
  }
  return false
}

export function rateLimit(rules: LimitRule[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    refuseOverLimit(req, res, rules).then((refused) => refused || next(), next)
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
