"use client"

import { useRouter } from "next/navigation"
import { useStore } from "@/lib/store-context"

export function RegionSwitch() {
  const { regions, region, setRegion } = useStore()
  const router = useRouter()
  return (
    <label>
      <span className="visually-hidden">Region and currency</span>
      <select
        value={region?.id ?? ""}
        onChange={async (e) => {
          await setRegion(e.target.value)
          router.refresh()
        }}
        style={{ minHeight: 36, padding: "4px 8px", width: "auto" }}
      >
        {regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} ({r.currency_code.toUpperCase()})
          </option>
        ))}
      </select>
    </label>
  )
}
