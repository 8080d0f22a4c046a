import { createHash } from "crypto"
import sharp from "sharp"

/**
 * The seed's product photos: a cut stone or a polished piece on a lit backdrop, drawn as SVG
 * and rasterized here, so the catalog has real raster images (with their responsive
 * variants) without image files in the repository. The same product always gets the same
 * bytes, so seeding again stores nothing new.
 */
export const SEED_IMAGE_SIZE = 1200

type Hue = { light: string; mid: string; dark: string; backdrop: string }

/** Colours by what the piece is made of; the first word found in its material wins. */
const HUES: Array<[RegExp, Hue]> = [
  [/emerald|malachite/i, { light: "#8ff0b8", mid: "#1f9d5c", dark: "#0b4a2b", backdrop: "#10261c" }],
  [/paraíba|aquamarine/i, { light: "#b5f5ff", mid: "#2cc4d8", dark: "#0b5f73", backdrop: "#0e2230" }],
  [/tourmaline/i, { light: "#ffc2d6", mid: "#d8477a", dark: "#4e1630", backdrop: "#1e1520" }],
  [/lapis/i, { light: "#9fb7ff", mid: "#2747b8", dark: "#101f5c", backdrop: "#0f1428" }],
  [/amethyst|fluorite/i, { light: "#e2c4ff", mid: "#8a4fd1", dark: "#3b1766", backdrop: "#1a1226" }],
  [/labradorite|hematite|obsidian|pyrite/i, { light: "#d9e4ec", mid: "#6f8597", dark: "#222c35", backdrop: "#14181c" }],
  [/brass|gold|quartz/i, { light: "#ffe9a8", mid: "#c99a2e", dark: "#5c4210", backdrop: "#221b10" }],
  [/ebony|leather|sisal|raffia|mahogany|soapstone|paper/i, { light: "#f1d2ad", mid: "#9b6b3f", dark: "#3e2716", backdrop: "#1d1610" }],
  [/glass|kente|cotton|linen|ochre/i, { light: "#ffd0a6", mid: "#e0703a", dark: "#6b2a12", backdrop: "#22150f" }],
]
const FALLBACK_HUE: Hue = { light: "#b9f7d6", mid: "#2f7d62", dark: "#0f3b2d", backdrop: "#0f1f19" }

export type SeedImageSpec = { handle: string; material: string }

function hueOf(material: string): Hue {
  return HUES.find(([words]) => words.test(material))?.[1] ?? FALLBACK_HUE
}

function seedOf(text: string): number {
  let h = 2166136261
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return h >>> 0
}

/** Points of a regular polygon around (cx, cy), as an SVG `points` list. */
function ring(cx: number, cy: number, radius: number, sides: number, turn: number): Array<[number, number]> {
  return Array.from({ length: sides }, (_, i) => {
    const angle = turn + (i * 2 * Math.PI) / sides
    return [Math.round(cx + radius * Math.cos(angle)), Math.round(cy + radius * Math.sin(angle))]
  })
}

const points = (ps: Array<[number, number]>) => ps.map(([x, y]) => `${x},${y}`).join(" ")

/** A brilliant-cut stone seen from above: a table, a crown of facets in alternating light. */
function faceted(hue: Hue, sides: number, turn: number): string {
  const c = 600
  const outer = ring(c, c, 380, sides, turn)
  const table = ring(c, c, 190, sides, turn + Math.PI / sides)
  const facets = outer.map((p, i) => {
    const next = outer[(i + 1) % sides]
    const fill = i % 3 === 0 ? "url(#light)" : i % 3 === 1 ? "url(#stone)" : hue.dark
    return `<polygon points="${points([p, next, table[i]])}" fill="${fill}" opacity="0.92"/>` +
      `<polygon points="${points([p, table[i], table[(i + sides - 1) % sides]])}" fill="${i % 2 ? hue.mid : hue.light}" opacity="0.55"/>`
  })
  return `<polygon points="${points(outer)}" fill="url(#stone)"/>${facets.join("")}` +
    `<polygon points="${points(table)}" fill="url(#table)" stroke="${hue.light}" stroke-opacity="0.6" stroke-width="3"/>`
}

/** A polished cabochon or carving: a domed oval with one soft highlight. */
function cabochon(hue: Hue, turn: number): string {
  const degrees = Math.round((turn * 180) / Math.PI)
  return `<g transform="rotate(${degrees} 600 600)"><ellipse cx="600" cy="600" rx="400" ry="300" fill="url(#dome)"/>` +
    `<ellipse cx="600" cy="600" rx="400" ry="300" fill="none" stroke="${hue.dark}" stroke-width="10" opacity="0.7"/>` +
    `<ellipse cx="480" cy="470" rx="150" ry="70" fill="#ffffff" opacity="0.35"/></g>`
}

export function seedImageSvg(spec: SeedImageSpec): string {
  const hue = hueOf(spec.material)
  const seed = seedOf(spec.handle)
  const turn = ((seed % 360) * Math.PI) / 180
  const piece = seed % 4 === 3 ? cabochon(hue, turn) : faceted(hue, [6, 8, 10][seed % 3], turn)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SEED_IMAGE_SIZE}" height="${SEED_IMAGE_SIZE}" viewBox="0 0 1200 1200">
  <defs>
    <radialGradient id="backdrop" cx="0.5" cy="0.42" r="0.75"><stop offset="0" stop-color="${hue.mid}" stop-opacity="0.55"/><stop offset="0.55" stop-color="${hue.backdrop}"/><stop offset="1" stop-color="#07090a"/></radialGradient>
    <radialGradient id="shadow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#000" stop-opacity="0.6"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
    <linearGradient id="stone" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hue.light}"/><stop offset="0.45" stop-color="${hue.mid}"/><stop offset="1" stop-color="${hue.dark}"/></linearGradient>
    <linearGradient id="light" x1="1" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0.85"/><stop offset="1" stop-color="${hue.mid}"/></linearGradient>
    <radialGradient id="table" cx="0.35" cy="0.3" r="0.9"><stop offset="0" stop-color="${hue.light}"/><stop offset="1" stop-color="${hue.mid}"/></radialGradient>
    <radialGradient id="dome" cx="0.38" cy="0.32" r="0.8"><stop offset="0" stop-color="${hue.light}"/><stop offset="0.5" stop-color="${hue.mid}"/><stop offset="1" stop-color="${hue.dark}"/></radialGradient>
  </defs>
  <rect width="1200" height="1200" fill="url(#backdrop)"/>
  <ellipse cx="600" cy="1010" rx="430" ry="70" fill="url(#shadow)"/>
  ${piece}
</svg>`
}

/** The product's photo as a JPEG (what a photographer would upload), always the same bytes for the same product. */
export async function seedImageBytes(spec: SeedImageSpec): Promise<Buffer> {
  return sharp(Buffer.from(seedImageSvg(spec))).jpeg({ quality: 90, mozjpeg: true }).toBuffer()
}

/** A uuid-shaped id from the image's bytes: a new picture gets a new address, so caching it forever stays right. */
export function seedImageId(bytes: Buffer): string {
  const hex = createHash("sha256").update("pva-seed-image\n").update(bytes).digest("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
