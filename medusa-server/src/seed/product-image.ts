import fs from "fs"
import path from "path"

const PALETTE = ["#0f3b2d", "#1c5a45", "#2f7d62", "#4ef8a3", "#9be7c4", "#6c5ce7", "#e17055", "#00b894"]

function hash(text: string): number {
  let h = 2166136261
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return h >>> 0
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A faceted-gem illustration per product, so the catalog has real images served by this server. */
export function productImageSvg(title: string): string {
  const h = hash(title)
  const stone = PALETTE[h % PALETTE.length]
  const glint = PALETTE[(h >> 3) % PALETTE.length]
  const rotation = h % 40
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800" role="img" aria-label="${escapeXml(title)}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0f3b2d"/><stop offset="1" stop-color="#1c5a45"/></linearGradient></defs>
  <rect width="800" height="800" fill="url(#bg)"/>
  <g transform="rotate(${rotation} 400 380)">
    <polygon points="400,170 580,320 400,610 220,320" fill="${stone}" stroke="#4ef8a3" stroke-width="6"/>
    <polygon points="400,170 470,320 400,610 330,320" fill="${glint}" opacity="0.55"/>
    <line x1="220" y1="320" x2="580" y2="320" stroke="#f8f9fa" stroke-width="4" opacity="0.7"/>
  </g>
  <text x="400" y="720" fill="#f8f9fa" font-family="Georgia, serif" font-size="36" text-anchor="middle">${escapeXml(title)}</text>
</svg>
`
}

export function writeProductImage(staticDir: string, handle: string, title: string): string {
  const dir = path.join(staticDir, "products")
  fs.mkdirSync(dir, { recursive: true })
  const file = `${handle}.svg`
  fs.writeFileSync(path.join(dir, file), productImageSvg(title))
  return `products/${file}`
}
