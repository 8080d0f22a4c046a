import fs from "fs"
import Redis from "ioredis"
import { reachable } from "./database"

/**
 * Throws unless Redis answers at `url`: a suite that needs Redis fails without it, never passes
 * by testing nothing. (.ci/run starts one on 127.0.0.1:6379.)
 */
export async function requireRedis(url = process.env.REDIS_URL || "redis://127.0.0.1:6379"): Promise<void> {
  const { hostname, port } = new URL(url)
  if (!(await reachable(hostname, Number(port || 6379), 3000))) {
    throw new Error(
      `Redis is not reachable at ${hostname}:${port || 6379}, and this suite tests the server on Redis. ` +
        `Start one (redis-server --daemonize yes --port 6379 --save "" --appendonly no) or set REDIS_URL.`
    )
  }
}

/**
 * A Redis database of this run's own on the shared Redis (other engineers' tests use it too):
 * an empty numbered database, claimed with a marker key so a concurrent run picks another.
 */
export async function claimRedisDatabase(label: string, base = process.env.REDIS_URL || "redis://127.0.0.1:6379") {
  await requireRedis(base)
  const root = base.replace(/\/\d*$/, "")
  for (let attempt = 0; attempt < 30; attempt++) {
    const url = `${root}/${1 + Math.floor(Math.random() * 15)}`
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
    await redis.connect()
    if ((await redis.dbsize()) === 0 && (await redis.set("pva:test:claimed-by", label, "EX", 1800, "NX")) === "OK") {
      return {
        url,
        redis,
        /** Empties the database (it was empty when claimed) and disconnects. */
        release: async () => {
          await redis.flushdb()
          redis.disconnect()
        },
      }
    }
    redis.disconnect()
  }
  throw new Error("no free Redis database (1-15) to claim")
}

/** The pid among `pids` that owns the TCP connection whose local port is `port` (Linux /proc). */
export function pidOwningLocalPort(port: number, pids: number[]): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0")
  const inodes = new Set<string>()
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/)
      if (cols[1]?.endsWith(`:${hexPort}`)) inodes.add(cols[9])
    }
  }
  return pids.find((pid) => {
    try {
      return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`)
          return inodes.has(target.replace(/^socket:\[(\d+)\]$/, "$1"))
        } catch {
          return false
        }
      })
    } catch {
      return false
    }
  })
}
