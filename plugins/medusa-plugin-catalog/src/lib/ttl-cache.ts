/**
 * Remembers answers for a few seconds: names a storefront sends on every request
 * (region, category handle) resolve without a database round trip each time.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; at: number }>()

  constructor(private readonly ttlMs: number, private readonly maxEntries = 1000) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key)
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value
    if (this.entries.size >= this.maxEntries) this.entries.clear()
    const value = load()
    this.entries.set(key, { value, at: Date.now() })
    value.catch(() => this.entries.delete(key))
    return value
  }
}
