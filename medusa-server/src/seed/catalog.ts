/** The seed catalog: real-sounding pieces from partner cooperatives, priced in cents. */
export type SeedProduct = {
  handle: string
  title: string
  sku: string
  usd: number
  eur: number
  stock: number
  categories: string[]
  description: string
  origin: string
  material: string
  channels: Array<"com" | "org">
  digitalTwin?: boolean
  /** Traits of a serialized piece's digital twin (its on-chain metadata); the first two seed the dev customer's twins. */
  twinTraits?: Record<string, string | number>
}

export const ARCHETYPE_CATEGORIES: Record<string, string[]> = {
  Guardian: ["Protection Stones", "Grounding Gems", "Traditional Crafts", "Security Items"],
  Pioneer: ["Adventure Gear", "Exploration Tools", "Travel Accessories", "Discovery Items"],
  Strategist: ["Analytical Tools", "Planning Resources", "Strategic Games", "Organizational Items"],
  Visionary: ["Creative Supplies", "Inspiration Pieces", "Artistic Tools", "Innovation Items"],
}

/** Parent → children; a category named here without children is a top-level leaf. */
export const CATEGORY_TREE: Record<string, string[]> = {
  Gemstones: ["Emeralds", "Malachite", "Tourmalines"],
  ...Object.fromEntries(
    Object.entries(ARCHETYPE_CATEGORIES).map(([archetype, categories]) => [`${archetype} Collection`, categories])
  ),
}

const com: Array<"com"> = ["com"]
const both: Array<"com" | "org"> = ["com", "org"]

export const SEED_PRODUCTS: SeedProduct[] = [
  { handle: "amradjet-emerald-pendant", title: "Amradjet Emerald Pendant", sku: "GEM-001", usd: 62500, eur: 57900, stock: 5, categories: ["Emeralds", "Protection Stones"], description: "A round-cut 2.5 carat emerald from the Lukuni Cooperative, set in recycled gold. Ships with its NFT digital twin.", origin: "DRC", material: "Emerald, recycled 18k gold", channels: both, digitalTwin: true, twinTraits: { Gemstone: "Emerald", Cut: "Round", Carat: 2.5, Clarity: "VS1", Origin: "DRC" } },
  { handle: "malachite-fish", title: "Malachite Fish", sku: "GEM-002", usd: 18999, eur: 17499, stock: 12, categories: ["Malachite", "Grounding Gems"], description: "A hand-carved malachite fish, polished to show the stone's banded greens.", origin: "DRC", material: "Malachite", channels: com },
  { handle: "kivu-tourmaline-collector-stone", title: "Kivu Tourmaline Collector Stone", sku: "GEM-003", usd: 94000, eur: 87000, stock: 2, categories: ["Tourmalines", "Inspiration Pieces"], description: "A 6 carat watermelon tourmaline from the Kivu highlands, certified and twinned on chain.", origin: "DRC", material: "Tourmaline", channels: both, digitalTwin: true, twinTraits: { Gemstone: "Watermelon Tourmaline", Cut: "Cushion", Carat: 6, Clarity: "VS2", Origin: "DRC" } },
  { handle: "guardian-hematite-bracelet", title: "Guardian Hematite Bracelet", sku: "GRD-001", usd: 4800, eur: 4450, stock: 40, categories: ["Protection Stones"], description: "Polished hematite beads on braided cotton, strung by hand.", origin: "Morocco", material: "Hematite, cotton", channels: com },
  { handle: "black-tourmaline-palm-stone", title: "Black Tourmaline Palm Stone", sku: "GRD-002", usd: 3200, eur: 2950, stock: 30, categories: ["Grounding Gems"], description: "A smooth palm stone of black tourmaline, sized for a closed hand.", origin: "Brazil", material: "Black tourmaline", channels: com },
  { handle: "kuba-cloth-wall-panel", title: "Kuba Cloth Wall Panel", sku: "GRD-003", usd: 21000, eur: 19500, stock: 6, categories: ["Traditional Crafts"], description: "Raffia cut-pile cloth woven in the Kasai tradition.", origin: "DRC", material: "Raffia palm", channels: com },
  { handle: "carved-ebony-keepsake-box", title: "Carved Ebony Keepsake Box", sku: "GRD-004", usd: 12500, eur: 11600, stock: 9, categories: ["Security Items", "Traditional Crafts"], description: "A lockable keepsake box carved from sustainably felled ebony.", origin: "Cameroon", material: "Ebony, brass", channels: com },
  { handle: "expedition-leather-journal", title: "Expedition Leather Journal", sku: "PIO-001", usd: 5400, eur: 5000, stock: 25, categories: ["Adventure Gear", "Travel Accessories"], description: "Vegetable-tanned leather wrapping 200 pages of cotton paper.", origin: "Kenya", material: "Leather, cotton paper", channels: com },
  { handle: "brass-field-compass", title: "Brass Field Compass", sku: "PIO-002", usd: 7800, eur: 7200, stock: 15, categories: ["Exploration Tools"], description: "A liquid-damped compass in a hand-finished brass case.", origin: "India", material: "Brass, glass", channels: com },
  { handle: "woven-sisal-travel-bag", title: "Woven Sisal Travel Bag", sku: "PIO-003", usd: 9600, eur: 8900, stock: 18, categories: ["Travel Accessories"], description: "A sisal weekender with leather handles, woven by the Machakos collective.", origin: "Kenya", material: "Sisal, leather", channels: com },
  { handle: "geode-discovery-kit", title: "Geode Discovery Kit", sku: "PIO-004", usd: 3900, eur: 3600, stock: 50, categories: ["Discovery Items"], description: "Six unopened Moroccan geodes and a hammer to crack them.", origin: "Morocco", material: "Quartz geodes", channels: com },
  { handle: "rough-aquamarine-explorer-set", title: "Rough Aquamarine Explorer Set", sku: "PIO-005", usd: 14500, eur: 13400, stock: 8, categories: ["Discovery Items", "Exploration Tools"], description: "Five rough aquamarine crystals with a loupe and field notes.", origin: "Mozambique", material: "Aquamarine", channels: com },
  { handle: "pyrite-cube-paperweight", title: "Pyrite Cube Paperweight", sku: "STR-001", usd: 4500, eur: 4150, stock: 22, categories: ["Analytical Tools", "Organizational Items"], description: "A natural pyrite cube, its faces grown flat by the earth.", origin: "Peru", material: "Pyrite", channels: com },
  { handle: "soapstone-mancala-board", title: "Soapstone Mancala Board", sku: "STR-002", usd: 11000, eur: 10200, stock: 10, categories: ["Strategic Games"], description: "A two-row mancala board carved from Kisii soapstone, with seed counters.", origin: "Kenya", material: "Soapstone, seeds", channels: com },
  { handle: "fluorite-focus-tower", title: "Fluorite Focus Tower", sku: "STR-003", usd: 6800, eur: 6300, stock: 14, categories: ["Analytical Tools"], description: "A banded fluorite point for the corner of a working desk.", origin: "Namibia", material: "Fluorite", channels: com },
  { handle: "handbound-planning-ledger", title: "Handbound Planning Ledger", sku: "STR-004", usd: 4200, eur: 3900, stock: 30, categories: ["Planning Resources"], description: "A year of undated planning pages, sewn and bound by hand.", origin: "Ghana", material: "Recycled paper, linen", channels: com },
  { handle: "kente-desk-organizer", title: "Kente Desk Organizer", sku: "STR-005", usd: 5900, eur: 5450, stock: 20, categories: ["Organizational Items"], description: "A wooden desk tray lined with hand-woven kente strips.", origin: "Ghana", material: "Mahogany, kente", channels: com },
  { handle: "obsidian-chess-set", title: "Obsidian Chess Set", sku: "STR-006", usd: 32000, eur: 29600, stock: 4, categories: ["Strategic Games"], description: "Obsidian and onyx pieces on a soapstone board.", origin: "Mexico", material: "Obsidian, onyx, soapstone", channels: com },
  { handle: "lapis-pigment-paint-set", title: "Lapis Pigment Paint Set", sku: "VIS-001", usd: 8800, eur: 8150, stock: 16, categories: ["Creative Supplies", "Artistic Tools"], description: "Ultramarine ground from lapis lazuli, with malachite green and ochre.", origin: "Afghanistan", material: "Lapis lazuli, malachite, ochre", channels: com },
  { handle: "labradorite-muse-pendant", title: "Labradorite Muse Pendant", sku: "VIS-002", usd: 13500, eur: 12500, stock: 11, categories: ["Inspiration Pieces"], description: "A flashing labradorite cabochon on a silver chain.", origin: "Madagascar", material: "Labradorite, silver", channels: com, digitalTwin: true, twinTraits: { Gemstone: "Labradorite", Cut: "Cabochon", Carat: 12, Clarity: "Translucent", Origin: "Madagascar" } },
  { handle: "amethyst-studio-cluster", title: "Amethyst Studio Cluster", sku: "VIS-003", usd: 9900, eur: 9150, stock: 13, categories: ["Inspiration Pieces"], description: "A deep purple amethyst cluster for a creative workspace.", origin: "Zambia", material: "Amethyst", channels: com },
  { handle: "ebony-carving-tool-roll", title: "Ebony Carving Tool Roll", sku: "VIS-004", usd: 15800, eur: 14600, stock: 7, categories: ["Artistic Tools"], description: "Six forged carving tools with ebony handles in a canvas roll.", origin: "Tanzania", material: "Steel, ebony, canvas", channels: com },
  { handle: "recycled-glass-bead-studio-kit", title: "Recycled Glass Bead Studio Kit", sku: "VIS-005", usd: 4600, eur: 4250, stock: 35, categories: ["Creative Supplies"], description: "Krobo beads made from recycled glass, with cord and clasps.", origin: "Ghana", material: "Recycled glass", channels: com },
  { handle: "solar-brass-lantern", title: "Solar Brass Lantern", sku: "VIS-006", usd: 12900, eur: 11900, stock: 9, categories: ["Innovation Items"], description: "A pierced brass lantern lit by a small solar cell.", origin: "Morocco", material: "Brass, solar cell", channels: com },
  { handle: "emerald-rough-specimen", title: "Emerald Rough Specimen", sku: "GEM-004", usd: 27500, eur: 25400, stock: 3, categories: ["Emeralds", "Discovery Items"], description: "An emerald crystal in its schist matrix, as it left the mine.", origin: "DRC", material: "Emerald in schist", channels: com, digitalTwin: true, twinTraits: { Gemstone: "Emerald", Cut: "Rough", Carat: 18, Clarity: "Included", Origin: "DRC" } },
  { handle: "malachite-worry-stone", title: "Malachite Worry Stone", sku: "GEM-005", usd: 2400, eur: 2200, stock: 60, categories: ["Malachite", "Grounding Gems"], description: "A thumb-sized malachite stone with a polished hollow.", origin: "DRC", material: "Malachite", channels: com },
  { handle: "vault-imperial-emerald", title: "Vault: Imperial Emerald", sku: "ORG-001", usd: 1250000, eur: 1160000, stock: 1, categories: ["Emeralds"], description: "A 9 carat imperial emerald held in the PVA vault and offered in fractional shares.", origin: "DRC", material: "Emerald", channels: ["org"], digitalTwin: true, twinTraits: { Gemstone: "Emerald", Cut: "Emerald", Carat: 9, Clarity: "VVS2", Origin: "DRC" } },
  { handle: "vault-paraiba-tourmaline", title: "Vault: Paraíba Tourmaline", sku: "ORG-002", usd: 860000, eur: 798000, stock: 1, categories: ["Tourmalines"], description: "A neon-blue Paraíba tourmaline held in the PVA vault.", origin: "Mozambique", material: "Tourmaline", channels: ["org"], digitalTwin: true, twinTraits: { Gemstone: "Paraíba Tourmaline", Cut: "Oval", Carat: 4.2, Clarity: "VS1", Origin: "Mozambique" } },
]
