import { LRUCache } from "lru-cache"
import type { PreparedAnswer } from "./prepared-answer"

/**
 * Catalog answers, kept until the read model changes. Shoppers ask the same pages
 * (a category, a popular search) over and over; the answer only changes when the
 * refresher commits, and every process hears that commit (NOTIFY pva_catalog_refreshed)
 * and starts a new generation. An answer computed while a refresh committed belongs to
 * the old generation and is not kept. The TTL bounds the damage of a missed notification;
 * when full, the least recently asked answers go first (the popular pages stay).
 */
export class ResultCache<T extends object> {
  private readonly entries: LRUCache<string, Promise<T>>
  private generation = 0

  constructor(ttlMs = 30_000, maxEntries = 5000) {
    this.entries = new LRUCache<string, Promise<T>>({ max: maxEntries, ttl: ttlMs })
  }

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key)
    if (hit) return hit
    const generation = this.generation
    const value = compute()
    this.entries.set(key, value)
    try {
      const result = await value
      if (generation !== this.generation) this.forget(key, value)
      return result
    } catch (err) {
      this.forget(key, value)
      throw err
    }
  }

  invalidate(): void {
    this.generation++
    this.entries.clear()
  }

  /** Drops `value` under `key`, not a newer answer stored there since. */
  private forget(key: string, value: Promise<T>): void {
    if (this.entries.peek(key) === value) this.entries.delete(key)
  }
}

/** This process's catalog answers, ready to send; the refresher's listener invalidates it. */
export const catalogResults = new ResultCache<PreparedAnswer>()
