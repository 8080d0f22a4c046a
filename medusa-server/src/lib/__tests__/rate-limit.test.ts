import Redis from "ioredis"
import { RateLimiterRes } from "rate-limiter-flexible"
import { reachable } from "@pva/test-support/database"
import { BoundedMemoryLimiter, RateLimiters } from "../rate-limit"

const outcome = (p: Promise<unknown>) => p.then(() => "ok", (err) => (err instanceof RateLimiterRes ? "limited" : err))

describe("in-memory counters", () => {
  it("hold at most the configured number of identities, refusing new ones until a window ends", async () => {
    const limiter = new BoundedMemoryLimiter({ points: 5, duration: 1, keyPrefix: "bounded" }, 100)
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => outcome(limiter.consume(`flood-${i}`))))
    expect(results.filter((r) => r === "ok")).toHaveLength(100)
    expect(results.filter((r) => r === "limited")).toHaveLength(900)
    expect(limiter.liveKeys).toBe(100)
    // Identities already counted keep being counted while the store is full.
    expect(await outcome(limiter.consume("flood-0"))).toBe("ok")

    await new Promise((r) => setTimeout(r, 1100))
    expect(await outcome(limiter.consume("newcomer"))).toBe("ok")
    expect(limiter.liveKeys).toBe(1)
  })

  it("still limit each identity to its points", async () => {
    const limiter = new RateLimiters({ windowSeconds: 60, memoryKeys: 10 }).limiter("points", 2)
    expect([await outcome(limiter.consume("a")), await outcome(limiter.consume("a")), await outcome(limiter.consume("a"))]).toEqual([
      "ok",
      "ok",
      "limited",
    ])
  })
})

// A Redis database of its own, like redis-modules.test.ts, so other processes on this Redis are not disturbed.
const REDIS_URL = `${process.env.REDIS_URL || "redis://127.0.0.1:6379"}`.replace(/\/\d*$/, "") + `/${1 + Math.floor(Math.random() * 15)}`

describe("with REDIS_URL set", () => {
  const clients: Redis[] = []
  let available = false

  beforeAll(async () => {
    const { hostname, port } = new URL(REDIS_URL)
    available = await reachable(hostname, Number(port || 6379))
  })

  afterAll(() => clients.forEach((c) => c.disconnect()))

  it("every server process shares one count per identity", async () => {
    if (!available) {
      console.warn(`Redis not reachable at ${REDIS_URL}: skipped`)
      return
    }
    const name = `shared-${Date.now().toString(36)}`
    // Two processes are two connections with limiters of their own.
    const [a, b] = [0, 1].map(() => {
      const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 })
      clients.push(redis)
      return new RateLimiters({ redis, windowSeconds: 60, memoryKeys: 10 }).limiter(name, 3)
    })
    await clients[0].ping()
    await clients[1].ping()
    const results = [
      await outcome(a.consume("shopper@example.com")),
      await outcome(b.consume("shopper@example.com")),
      await outcome(a.consume("shopper@example.com")),
      await outcome(b.consume("shopper@example.com")),
    ]
    expect(results).toEqual(["ok", "ok", "ok", "limited"])
    const ttl = await clients[0].pttl(`pva:ratelimit:${name}:shopper@example.com`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60_000)
    await clients[0].del(`pva:ratelimit:${name}:shopper@example.com`)
  })
})
