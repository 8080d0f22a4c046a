export const ARCHETYPES = ["guardian", "pioneer", "strategist", "visionary"] as const
export type Archetype = (typeof ARCHETYPES)[number]

export type Weights = Record<Archetype, number>

export const ARCHETYPE_PROFILES: Record<Archetype, { name: string; description: string }> = {
  guardian: { name: "Guardian", description: "Values security, tradition, and protecting what matters most." },
  pioneer: { name: "Pioneer", description: "Seeks adventure, exploration, and new frontiers." },
  strategist: { name: "Strategist", description: "Excels at planning, analysis, and systematic approaches." },
  visionary: { name: "Visionary", description: "Creative, innovative, sees possibilities others miss." },
}

/** Category affinity the merchandisers start from; admins edit it afterwards. */
export const DEFAULT_CATEGORY_AFFINITY: Record<Archetype, Array<[category: string, weight: number]>> = {
  guardian: [["Protection Stones", 1.0], ["Grounding Gems", 0.9], ["Traditional Crafts", 0.8], ["Security Items", 0.7]],
  pioneer: [["Adventure Gear", 1.0], ["Exploration Tools", 0.9], ["Travel Accessories", 0.8], ["Discovery Items", 0.7]],
  strategist: [["Analytical Tools", 1.0], ["Planning Resources", 0.9], ["Strategic Games", 0.8], ["Organizational Items", 0.7]],
  visionary: [["Creative Supplies", 1.0], ["Inspiration Pieces", 0.9], ["Artistic Tools", 0.8], ["Innovation Items", 0.7]],
}

export const isArchetype = (value: unknown): value is Archetype => ARCHETYPES.includes(value as Archetype)

export function archetypeView(archetype: Archetype) {
  return { archetype, ...ARCHETYPE_PROFILES[archetype] }
}
