import type { PassThrough, Readable } from "stream"

/** Uploaded files have content-addressed-like keys (a fresh id each), so a URL's bytes never change. */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable"
/** Export files and other protected uploads: reachable only by whoever holds the link, never cached. */
export const PRIVATE_CACHE_CONTROL = "private, no-store"
export const PRIVATE_PREFIX = "private/"

/** Where uploaded files live: a folder on this server, or an S3-compatible bucket. */
export interface FileStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>
  /** A stream the caller writes to; `done` settles when the file is stored. */
  writer(key: string, contentType: string): { stream: PassThrough; done: Promise<void> }
  read(key: string): Promise<Readable>
  /** Whether a file is stored under `key` (so work that would only rewrite the same bytes can be skipped). */
  exists(key: string): Promise<boolean>
  remove(key: string): Promise<void>
  /** The address browsers fetch a public file at. */
  publicUrl(key: string): string
  /** A time-limited (or unguessable) address of a protected file. */
  downloadUrl(key: string): Promise<string>
}

export function cacheControlFor(key: string): string {
  return key.startsWith(PRIVATE_PREFIX) ? PRIVATE_CACHE_CONTROL : IMMUTABLE_CACHE_CONTROL
}

/** Keys come from this server, but a delete names one from a request: no climbing out of the store. */
export function assertSafeKey(key: string): void {
  if (!key || key.startsWith("/") || key.split("/").some((part) => part === ".." || part === "." || part === "")) {
    throw new Error(`"${key}" is not a file key of this store`)
  }
}
