import type { CSSProperties } from "react"
import { responsiveSources } from "../responsive-image"

/**
 * An image at a fixed size and aspect ratio (the page does not move when it arrives); an
 * uploaded one in AVIF or WebP at the width `sizes` asks for, others as they are.
 */
export function ResponsiveImage({ src, alt, width, height, sizes, eager = false, style }: {
  src: string
  alt: string
  width: number
  height: number
  /** How wide the image is shown, as for `<img sizes>`, e.g. "(max-width: 640px) 50vw, 320px". */
  sizes: string
  eager?: boolean
  style?: CSSProperties
}) {
  const sources = responsiveSources(src)
  const img = (
    <img
      src={src}
      alt={alt}
      width={width}
      height={height}
      sizes={sources ? sizes : undefined}
      srcSet={sources?.webp}
      loading={eager ? "eager" : "lazy"}
      {...(eager ? { fetchPriority: "high" as const } : {})}
      decoding="async"
      style={{ aspectRatio: `${width} / ${height}`, objectFit: "cover", width: "100%", height: "auto", display: "block", ...style }}
    />
  )
  if (!sources) return img
  return (
    <picture>
      <source type="image/avif" srcSet={sources.avif} sizes={sizes} />
      <source type="image/webp" srcSet={sources.webp} sizes={sizes} />
      {img}
    </picture>
  )
}
