import sharp from "sharp"
import { ACCEPTED_FORMATS, InspectedImage } from "./inspect"

/** The widths every uploaded image is rendered at, in WebP and AVIF; the storefronts' `srcset` names the same. */
export const VARIANT_WIDTHS = [200, 600, 1200] as const
export const VARIANT_FORMATS = ["webp", "avif"] as const

export type RenderedFile = { name: string; body: Buffer; contentType: string }

/**
 * The files one upload becomes: the original re-encoded in its own format (turned upright,
 * with every metadata block, EXIF and its GPS position included, left out) and its
 * responsive variants. Rendered once, at upload, never per request.
 */
export async function renderImageSet(bytes: Buffer, image: InspectedImage, maxPixels: number): Promise<RenderedFile[]> {
  const source = () => sharp(bytes, { limitInputPixels: maxPixels }).rotate()
  const { ext, mime } = ACCEPTED_FORMATS[image.format]
  const original: RenderedFile = { name: `original.${ext}`, body: await encode(source(), image.format), contentType: mime }
  const variants = await Promise.all(
    VARIANT_WIDTHS.flatMap((width) =>
      VARIANT_FORMATS.map(async (format) => ({
        name: variantName(width, format),
        body: await encode(source().resize({ width, withoutEnlargement: true }), format),
        contentType: ACCEPTED_FORMATS[format].mime,
      }))
    )
  )
  return [original, ...variants]
}

export function variantName(width: number, format: (typeof VARIANT_FORMATS)[number]): string {
  return `${width}w.${format}`
}

function encode(pipeline: sharp.Sharp, format: keyof typeof ACCEPTED_FORMATS): Promise<Buffer> {
  switch (format) {
    case "jpeg":
      return pipeline.jpeg({ quality: 88, mozjpeg: true }).toBuffer()
    case "png":
      return pipeline.png({ compressionLevel: 9 }).toBuffer()
    case "webp":
      return pipeline.webp({ quality: 82 }).toBuffer()
    case "avif":
      // Effort 2: AVIF's slowest settings cost seconds per image for a few percent of size.
      return pipeline.avif({ quality: 55, effort: 2 }).toBuffer()
  }
}
