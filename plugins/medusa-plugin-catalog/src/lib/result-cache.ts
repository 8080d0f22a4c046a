import type { PreparedAnswer } from "./prepared-answer"

/**
 * Catalog answers, kept until the read model changes. Shoppers ask the same pages
 * (a category, a popular search) over and over; the answer only changes when the
 * refresher commits, and every process hears that commit (NOTIFY pva_catalog_refreshed)
 * and starts a new generation. An answer computed while a refresh committed belongs to
 * the old generation and is not kept. The TTL bounds the damage of a missed notification.
 */
export class ResultCache<T> {
  private entries = new Map<string, { value: Promise<T>; at: number }>()
  private generation = 0

  constructor(private readonly ttlMs = 30_000, private readonly maxEntries = 5000) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key)
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value
    const generation = this.generation
    const value = compute()
    if (this.entries.size >= this.maxEntries) this.entries.clear()
    this.entries.set(key, { value, at: Date.now() })
    try {
      const result = await value
      if (generation !== this.generation) this.entries.delete(key)
      return result
    } catch (err) {
      this.entries.delete(key)
      throw err
    }
  }

  invalidate(): void {
    this.generation++
    this.entries = new Map()
  }
}

/** This process's catalog answers, ready to send; the refresher's listener invalidates it. */
export const catalogResults = new ResultCache<PreparedAnswer>()
