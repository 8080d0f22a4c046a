import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3"
import { getSignedUrl } from "@aws-sdk/s3-request-presigner"
import { PassThrough, Readable } from "stream"
import { assertSafeKey, cacheControlFor, FileStorage } from "./storage"

export type S3Settings = {
  bucket: string
  region: string
  /** An S3-compatible service's address (MinIO, R2, Spaces...); none for AWS itself. */
  endpoint?: string
  accessKeyId?: string
  secretAccessKey?: string
  /** Where browsers fetch public files: a CDN in front of the bucket, or the bucket's own address. */
  publicUrl: string
  forcePathStyle: boolean
}

const DOWNLOAD_URL_SECONDS = 15 * 60

/** Files in an S3-compatible bucket; each carries its Cache-Control, so the bucket or CDN serves it right. */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
    })
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    assertSafeKey(key)
    await this.client.send(
      new PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: body, ContentType: contentType, CacheControl: cacheControlFor(key) })
    )
  }

  /** Buffers the stream (exports are small) and stores it in one request once it ends. */
  writer(key: string, contentType: string) {
    const stream = new PassThrough()
    const chunks: Buffer[] = []
    stream.on("data", (chunk: Buffer) => chunks.push(chunk))
    const done = new Promise<void>((resolve, reject) => {
      stream.on("end", () => this.put(key, Buffer.concat(chunks), contentType).then(resolve, reject))
      stream.on("error", reject)
    })
    return { stream, done }
  }

  async read(key: string): Promise<Readable> {
    assertSafeKey(key)
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }))
    return answer.Body as Readable
  }

  async exists(key: string): Promise<boolean> {
    assertSafeKey(key)
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }))
      return true
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
      if (status === 404) return false
      throw err
    }
  }

  async remove(key: string): Promise<void> {
    assertSafeKey(key)
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }))
  }

  publicUrl(key: string): string {
    return `${this.settings.publicUrl}/${key}`
  }

  downloadUrl(key: string): Promise<string> {
    assertSafeKey(key)
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }), { expiresIn: DOWNLOAD_URL_SECONDS })
  }
}
