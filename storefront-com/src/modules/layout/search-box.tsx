"use client"

import { Link } from "@/modules/common/link"
import { useEffect, useId, useState } from "react"
import { useStore } from "@/lib/store-context"

/**
 * Results as you type, from the catalog API (typo-tolerant); a late answer never
 * overwrites a newer one. Enter opens the full results page, which works without JavaScript.
 */
export function SearchBox() {
  const { storeGet, region } = useStore()
  const [q, setQ] = useState("")
  const [results, setResults] = useState<Array<{ id: string; title: string; handle: string }>>([])
  const listId = useId()

  useEffect(() => {
    const term = q.trim()
    if (term.length < 2) return setResults([])
    let current = true
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams({ q: term, limit: "6" })
        if (region?.id) params.set("region_id", region.id)
        const { products } = await storeGet(`/store/catalog?${params}`)
        if (current) setResults(products.map((p: any) => ({ id: p.id, title: p.title, handle: p.handle })))
      } catch {
        if (current) setResults([])
      }
    }, 200)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [q, storeGet, region?.id])

  return (
    <form role="search" method="get" action="/store" style={{ position: "relative", flex: "1 1 200px", maxWidth: 360 }}>
      <label htmlFor={`${listId}-q`} className="visually-hidden">Search the shop</label>
      <input
        id={`${listId}-q`}
        name="q"
        type="search"
        placeholder="Search gems and goods"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-controls={results.length > 0 ? listId : undefined}
        autoComplete="off"
        style={{ minHeight: 36, padding: "6px 10px" }}
      />
      {results.length > 0 && (
        <ul id={listId} className="search-results" aria-label="Search results">
          {results.map((r) => (
            <li key={r.id}>
              <Link href={`/products/${r.handle}`} onClick={() => setQ("")}>{r.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </form>
  )
}
