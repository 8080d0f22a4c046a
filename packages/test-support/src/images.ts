import sharp from "sharp"
import zlib from "zlib"

/** A camera-like JPEG that says where it was taken (EXIF GPS: the Eiffel Tower). */
export async function jpegWithGpsPosition(width = 1600, height = 1000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#2f7d62" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PVA Test Camera" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2959/100", GPSLongitudeRef: "E", GPSLongitude: "2/1 17/1 4024/100" },
    })
    .toBuffer()
}

/** Whether an EXIF block points at a GPS IFD (tag 0x8825, either byte order). */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))
}

export async function solidImage(format: "png" | "webp" | "avif" | "gif" | "tiff", width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#6c5ce7" } }).toFormat(format).toBuffer()
}

/**
 * A decompression bomb: a PNG of a few hundred bytes whose header claims `width`×`height`
 * pixels (gigabytes once decoded), with one compressed row of data.
 */
export function pngBomb(width = 30_000, height = 30_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, "ascii"), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE((zlib as unknown as { crc32: (b: Buffer) => number }).crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  const row = zlib.deflateSync(Buffer.alloc(width + 1))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", row), chunk("IEND", Buffer.alloc(0))])
}
