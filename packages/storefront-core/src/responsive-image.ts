/**
 * Uploaded product images live as `…/products/<id>/original.<ext>` with `<width>w.webp` and
 * `<width>w.avif` beside them (the server's file service renders them once, at upload).
 * Other images (the seed's illustrations, a partner's URL) have no variants.
 */
export const IMAGE_VARIANT_WIDTHS = [200, 600, 1200] as const

const UPLOADED = /^(.*\/products\/[0-9a-f-]{36}\/)original\.(?:jpg|png|webp|avif)$/

export type ResponsiveSources = { avif: string; webp: string }

export function responsiveSources(url: string): ResponsiveSources | null {
  const folder = url.match(UPLOADED)?.[1]
  if (!folder) return null
  const set = (format: string) => IMAGE_VARIANT_WIDTHS.map((w) => `${folder}${w}w.${format} ${w}w`).join(", ")
  return { avif: set("avif"), webp: set("webp") }
}
