import sharp from "sharp"

/** The raster formats a product image may be; anything else (SVG, GIF, TIFF, HEIC...) is refused. */
export const ACCEPTED_FORMATS = {
  jpeg: { ext: "jpg", mime: "image/jpeg" },
  png: { ext: "png", mime: "image/png" },
  webp: { ext: "webp", mime: "image/webp" },
  avif: { ext: "avif", mime: "image/avif" },
} as const

export type ImageFormat = keyof typeof ACCEPTED_FORMATS

export type InspectedImage = { format: ImageFormat; width: number; height: number }

/** A file that is not an image the shop takes; `status` is the HTTP answer it deserves. */
export class ImageRefused extends Error {
  constructor(public readonly status: 400 | 413, message: string) {
    super(message)
    this.name = "ImageRefused"
  }
}

export type ImageLimits = { maxBytes: number; maxPixels: number }

/**
 * Reads only the image's header (no decoding), so the format comes from the bytes, not the
 * file name, and a decompression bomb is refused before any pixel is allocated.
 */
export async function inspectImage(bytes: Buffer, limits: ImageLimits, name = "the file"): Promise<InspectedImage> {
  if (bytes.length > limits.maxBytes) {
    throw new ImageRefused(413, `${name} is ${bytes.length} bytes; an image may be at most ${limits.maxBytes} bytes`)
  }
  let meta: sharp.Metadata
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    throw new ImageRefused(400, `${name} is not an image: upload a JPEG, PNG, WebP or AVIF file`)
  }
  const format = formatOf(meta)
  if (!format) {
    throw new ImageRefused(400, `${name} is ${meta.format?.toUpperCase() ?? "an unknown format"}: upload a JPEG, PNG, WebP or AVIF file`)
  }
  const width = meta.width ?? 0
  const height = meta.height ?? 0
  if (width <= 0 || height <= 0) throw new ImageRefused(400, `${name} has no dimensions: it is not a usable image`)
  if (width * height > limits.maxPixels) {
    const megapixels = ((width * height) / 1e6).toFixed(1)
    throw new ImageRefused(
      413,
      `${name} is ${width}×${height} pixels (${megapixels} megapixels); an image may have at most ${(limits.maxPixels / 1e6).toFixed(1)} megapixels`
    )
  }
  return { format, width, height }
}

function formatOf(meta: sharp.Metadata): ImageFormat | undefined {
  if (meta.format === "jpeg" || meta.format === "png" || meta.format === "webp") return meta.format
  // libheif reports AVIF as HEIF with the AV1 codec; HEIC (HEVC) is not something browsers show.
  if (meta.format === "heif" && meta.compression === "av1") return "avif"
  return undefined
}
