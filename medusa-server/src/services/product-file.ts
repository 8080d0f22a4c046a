import { AbstractFileService } from "@medusajs/medusa"
import type {
  DeleteFileType,
  FileServiceGetUploadStreamResult,
  FileServiceUploadResult,
  GetUploadedFileType,
  UploadStreamDescriptorType,
} from "@medusajs/types"
import { randomUUID } from "crypto"
import fs from "fs"
import { MedusaError } from "medusa-core-utils"
import path from "path"
import type { Readable } from "stream"
import { readServerEnv } from "../config/env"
import { fileStorageFor, FileStorage, PRIVATE_PREFIX } from "../lib/file-storage"
import { ACCEPTED_FORMATS, ImageRefused, inspectImage } from "../lib/product-images/inspect"
import { renderImageSet, VARIANT_FORMATS, VARIANT_WIDTHS, variantName } from "../lib/product-images/variants"

type UploadedFile = { path: string; originalname: string; mimetype?: string }

/** The folder names storefronts recognise as an upload's (`products/<uuid>/`). */
const UUID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * Medusa's file service (`POST /admin/uploads`): every public upload is a product image,
 * checked by its bytes, re-encoded without metadata and rendered in its responsive
 * variants, all under one fresh id. Protected uploads (product import CSVs, exports) are
 * kept as they are, under `private/`.
 */
class ProductFileService extends AbstractFileService {
  private readonly storage: FileStorage
  private readonly limits: { maxBytes: number; maxPixels: number }

  constructor(container: Record<string, unknown>, options: Record<string, unknown> = {}) {
    super(container, options)
    const { files } = readServerEnv()
    this.storage = fileStorageFor(files)
    this.limits = { maxBytes: files.maxBytes, maxPixels: files.maxPixels }
  }

  async upload(file: UploadedFile): Promise<FileServiceUploadResult> {
    try {
      const bytes = await fs.promises.readFile(file.path)
      return await this.storeImage(bytes, `"${file.originalname}"`, randomUUID())
    } catch (err) {
      await removeTemporary(file)
      if (err instanceof ImageRefused) throw new MedusaError(MedusaError.Types.INVALID_DATA, err.message)
      throw err
    }
  }

  /**
   * Stores an image this server made itself (the seed's photos) as an upload is stored: the
   * same checks and variants, under `products/<id>/`. Storing the same id again does nothing,
   * so the caller picks an id that changes with the bytes.
   */
  async storeImageOnce(bytes: Buffer, label: string, id: string): Promise<FileServiceUploadResult> {
    if (!UUID_SHAPED.test(id)) throw new Error(`"${id}" is not a uuid-shaped image id`)
    const image = await inspectImage(bytes, this.limits, label)
    const key = `products/${id}/original.${ACCEPTED_FORMATS[image.format].ext}`
    if (await this.storage.exists(key)) return { url: this.storage.publicUrl(key), key }
    return this.storeImage(bytes, label, id)
  }

  private async storeImage(bytes: Buffer, label: string, id: string): Promise<FileServiceUploadResult> {
    const image = await inspectImage(bytes, this.limits, label)
    const rendered = await renderImageSet(bytes, image, this.limits.maxPixels)
    const folder = `products/${id}`
    // Variants first: once the original's URL exists, everything a storefront derives from it does too.
    const [original, ...variants] = rendered
    await Promise.all(variants.map((f) => this.storage.put(`${folder}/${f.name}`, f.body, f.contentType)))
    const key = `${folder}/${original.name}`
    await this.storage.put(key, original.body, original.contentType)
    return { url: this.storage.publicUrl(key), key }
  }

  async uploadProtected(file: UploadedFile): Promise<FileServiceUploadResult> {
    try {
      const key = `${PRIVATE_PREFIX}${randomUUID()}/${safeName(file.originalname)}`
      await this.storage.put(key, await fs.promises.readFile(file.path), file.mimetype || "application/octet-stream")
      return { url: this.storage.publicUrl(key), key }
    } catch (err) {
      await removeTemporary(file)
      throw err
    }
  }

  /** Deleting an image deletes its variants with it. */
  async delete(file: DeleteFileType): Promise<void> {
    const key = requireKey(file.fileKey)
    const match = key.match(/^(products\/[0-9a-f-]{36})\/original\.[a-z]+$/)
    if (!match) return this.storage.remove(key)
    const names = VARIANT_WIDTHS.flatMap((w) => VARIANT_FORMATS.map((f) => variantName(w, f)))
    await Promise.all([key, ...names.map((n) => `${match[1]}/${n}`)].map((k) => this.storage.remove(k)))
  }

  async getUploadStreamDescriptor(descriptor: UploadStreamDescriptorType): Promise<FileServiceGetUploadStreamResult> {
    const name = `${safeName(descriptor.name)}.${safeName(descriptor.ext ?? "csv")}`
    const key = `${PRIVATE_PREFIX}${randomUUID()}/${name}`
    const { stream, done } = this.storage.writer(key, String(descriptor.contentType ?? "text/csv"))
    return { writeStream: stream, promise: done, url: this.storage.publicUrl(key), fileKey: key }
  }

  async getDownloadStream(file: GetUploadedFileType): Promise<Readable> {
    return this.storage.read(requireKey(file.fileKey))
  }

  async getPresignedDownloadUrl(file: GetUploadedFileType): Promise<string> {
    return this.storage.downloadUrl(requireKey(file.fileKey))
  }
}

function requireKey(key: string | undefined): string {
  if (!key || !/^[A-Za-z0-9._/-]+$/.test(key) || key.includes("..")) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${key ?? ""}" is not a file key of this store`)
  }
  return key
}

function safeName(name: string): string {
  return path.basename(name).replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 120) || "file"
}

/** Medusa's route removes multer's temporary copy only when the upload succeeds. */
async function removeTemporary(file: UploadedFile): Promise<void> {
  await fs.promises.rm(file.path, { force: true }).catch(() => undefined)
}

export default ProductFileService
