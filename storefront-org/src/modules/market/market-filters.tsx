import { ASSETS, KINDS, SORTS, type MarketFilters } from "@/lib/market/query"

/** A plain GET form: filtering works before (and without) any script. */
export function MarketFiltersForm({ filters }: { filters: MarketFilters }) {
  return (
    <form className="filters" method="get" action="/market" aria-label="Filter the market">
      <div>
        <label htmlFor="kind">Sale type</label>
        <select id="kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">Any sale type</option>
          {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="asset">Asset</label>
        <select id="asset" name="asset" defaultValue={filters.asset ?? ""}>
          <option value="">Twins and shares</option>
          {ASSETS.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="min_price">Min price (ETH)</label>
        <input id="min_price" name="min_price" inputMode="decimal" size={8} defaultValue={filters.minPrice} />
      </div>
      <div>
        <label htmlFor="max_price">Max price (ETH)</label>
        <input id="max_price" name="max_price" inputMode="decimal" size={8} defaultValue={filters.maxPrice} />
      </div>
      <div>
        <label htmlFor="sort">Sort by</label>
        <select id="sort" name="sort" defaultValue={filters.sort}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </div>
      <button className="btn btn-primary" type="submit">Show</button>
    </form>
  )
}
