import { MedusaError } from "medusa-core-utils"
import { ARCHETYPES, archetypeView, DEFAULT_CATEGORY_AFFINITY, isArchetype } from "../lib/archetypes"
import { PerCallService } from "@pva/medusa-kit/service"
import { affinitiesWithCategories, existingCategoryIds, removeAffinity, seedAffinity, setAffinity } from "../db/archetype-category-affinity"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Archetype → product category weights that drive archetype recommendations. */
class CategoryAffinityService extends PerCallService {
  async list() {
    const rows = await affinitiesWithCategories(this.activeManager_)
    return ARCHETYPES.map((archetype) => ({
      ...archetypeView(archetype),
      categories: rows.filter((r) => r.archetype === archetype).map(({ archetype: _, ...rest }) => rest),
    }))
  }

  /**
   * Sets weights; a weight of 0 removes the category from the archetype. All or
   * nothing: one bad entry rejects the whole update.
   */
  async update(body: any) {
    const entries = body?.affinities
    if (!Array.isArray(entries) || entries.length === 0) {
      throw invalid("affinities must be a non-empty array of { archetype, category_id, weight }")
    }
    const clean = entries.map((e: any, i: number) => {
      const field = `affinities[${i}]`
      if (!isArchetype(e?.archetype)) throw invalid(`${field}.archetype must be one of ${ARCHETYPES.join(", ")}`)
      if (typeof e.category_id !== "string" || !e.category_id) throw invalid(`${field}.category_id must be a category id`)
      if (typeof e.weight !== "number" || !(e.weight >= 0 && e.weight <= 1)) throw invalid(`${field}.weight must be a number from 0 to 1`)
      return { archetype: e.archetype, category_id: e.category_id, weight: Math.round(e.weight * 1000) / 1000 }
    })
    const ids = [...new Set(clean.map((e) => e.category_id))]
    const found = await existingCategoryIds(this.activeManager_, ids)
    const unknown = clean.findIndex((e) => !found.has(e.category_id))
    if (unknown >= 0) throw invalid(`affinities[${unknown}].category_id "${clean[unknown].category_id}" is not a product category`)

    await this.atomicPhase_(async (manager) => {
      for (const e of clean) {
        if (e.weight === 0) {
          await removeAffinity(manager, e.archetype, e.category_id)
        } else {
          await setAffinity(manager, e.archetype, e.category_id, e.weight)
        }
      }
    })
    return this.list()
  }

  /** Installs the brief's default weights for categories that exist, keeping any admin edits. */
  async seedDefaults(): Promise<number> {
    let inserted = 0
    for (const archetype of ARCHETYPES) {
      for (const [name, weight] of DEFAULT_CATEGORY_AFFINITY[archetype]) {
        if (await seedAffinity(this.activeManager_, archetype, name, weight)) inserted += 1
      }
    }
    return inserted
  }
}

export default CategoryAffinityService
