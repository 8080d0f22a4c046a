import type { Metadata } from "next"
import { listTwins, metadataOf } from "@/lib/public-api"
import { orgPageUrl } from "@/lib/seo"
import { STATUS_LABELS } from "@/lib/format"
import { TwinCard } from "@/modules/artifacts/twin-card"
import { categoryOf } from "@/modules/artifacts/traits"

export function generateMetadata(): Metadata {
  return { title: "Artifacts", alternates: { canonical: orgPageUrl("/artifacts") } }
}

const STATUSES = ["issued", "bound", "submitted", "minted"]

export default async function ArtifactsPage({ searchParams }: { searchParams: { status?: string; category?: string } }) {
  const status = STATUSES.includes(searchParams.status ?? "") ? searchParams.status : undefined
  const twins = await listTwins(status)
  // The category is the gemstone trait of the twin's own (content-addressed) metadata.
  const withCategory = await Promise.all(twins.map(async (twin) => ({ twin, category: categoryOf(await metadataOf(twin.metadata_cid)) })))
  const categories = Array.from(new Set(withCategory.map((t) => t.category).filter((c): c is string => Boolean(c)))).sort()
  const category = categories.includes(searchParams.category ?? "") ? searchParams.category : undefined
  const shown = withCategory.filter((t) => !category || t.category === category)
  return (
    <div className="container section">
      <h1>Artifacts</h1>
      <form className="filters" method="get" aria-label="Filter artifacts">
        <div>
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="category">Category</label>
          <select id="category" name="category" defaultValue={category ?? ""}>
            <option value="">Any category</option>
            {categories.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
        <button className="btn btn-primary" type="submit">Filter</button>
      </form>
      <p className="muted" aria-live="polite">{shown.length} artifact{shown.length === 1 ? "" : "s"}</p>
      <div className="grid">{shown.map(({ twin }, i) => <TwinCard key={twin.token_id} twin={twin} priority={i < 2} />)}</div>
    </div>
  )
}
