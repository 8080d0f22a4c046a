import { LRUCache } from "lru-cache"

/** "Not found" is an answer worth remembering too; lru-cache holds objects only, so it is boxed. */
type Boxed<T> = { value: Promise<T> }

/**
 * Remembers answers for a few seconds: names a storefront sends on every request
 * (region, category handle) resolve without a database round trip each time. Bounded:
 * when full, the least recently used names go first.
 */
export class TtlCache<T> {
  private readonly entries: LRUCache<string, Boxed<T>>

  constructor(ttlMs: number, maxEntries = 1000) {
    this.entries = new LRUCache<string, Boxed<T>>({ max: maxEntries, ttl: ttlMs })
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key)
    if (hit) return hit.value
    const entry = { value: load() }
    this.entries.set(key, entry)
    entry.value.catch(() => {
      if (this.entries.peek(key) === entry) this.entries.delete(key)
    })
    return entry.value
  }
}
