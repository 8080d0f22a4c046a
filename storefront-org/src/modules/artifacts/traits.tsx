import type { TwinMetadata } from "@/lib/types"

const CATEGORY_TRAIT = "Gemstone"

export function categoryOf(metadata: TwinMetadata | null): string | null {
  const trait = metadata?.attributes?.find((a) => a.trait_type === CATEGORY_TRAIT)
  return trait ? String(trait.value) : null
}

export function TraitList({ metadata }: { metadata: TwinMetadata | null }) {
  const traits = metadata?.attributes ?? []
  if (!traits.length) return <p className="muted">No traits recorded.</p>
  return (
    <dl className="traits" aria-label="Traits">
      {traits.map((t) => (
        <div key={t.trait_type} style={{ display: "contents" }}>
          <dt>{t.trait_type}</dt>
          <dd>{String(t.value)}</dd>
        </div>
      ))}
    </dl>
  )
}
