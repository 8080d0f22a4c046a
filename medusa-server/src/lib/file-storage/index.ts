import type { FileSettings } from "../../config/file-settings"
import { LocalFileStorage } from "./local-storage"
import { S3FileStorage } from "./s3-storage"
import type { FileStorage } from "./storage"

export * from "./storage"

/** S3 when a bucket is configured, else the server's own folder. */
export function fileStorageFor(settings: FileSettings): FileStorage {
  return settings.s3 ? new S3FileStorage(settings.s3) : new LocalFileStorage(settings.localDir, settings.localPublicUrl)
}
