import { serverUrl } from "./server-url"

const RASTER = /\.(?:avif|gif|jpe?g|png|webp)$/i

/** The piece's shop photo when it is a raster image (an SVG illustration does not count), as browsers reach it. */
export function artifactPhoto(thumbnail: string | null | undefined): string | null {
  if (!thumbnail) return null
  const url = thumbnail.startsWith("/") ? serverUrl(thumbnail) : thumbnail
  try {
    return RASTER.test(new URL(url).pathname) ? url : null
  } catch {
    return null // not a URL: no photo rather than a broken page
  }
}

/**
 * The artifact's images for a shared link and for search engines: the photo first, since social
 * networks do not show an SVG as a link's preview, then the twin's own image.
 */
export function artifactImages(twin: { image_url: string; product_thumbnail?: string | null }): string[] {
  const photo = artifactPhoto(twin.product_thumbnail)
  return photo ? [photo, serverUrl(twin.image_url)] : [serverUrl(twin.image_url)]
}
