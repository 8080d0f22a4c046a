import path from "path"
import type { S3Settings } from "../lib/file-storage/s3-storage"
import { ConfigError, positiveInt } from "./values"

export type FileSettings = {
  /** Without S3: the folder uploads are kept in, served at `<MEDUSA_BACKEND_URL>/uploads`. */
  localDir: string
  localPublicUrl: string
  /** With S3_BUCKET: an S3-compatible bucket instead of the folder. */
  s3?: S3Settings
  /** The largest upload request (413 above). */
  maxBytes: number
  /** The most pixels an image may have: a small file can decode to gigabytes (400/413 above). */
  maxPixels: number
}

const DEFAULT_LOCAL_DIR = path.resolve(__dirname, "..", "..", ".data", "uploads")

export function readFileSettings(env: NodeJS.ProcessEnv, backendUrl: string): FileSettings {
  return {
    localDir: path.resolve(env.FILE_LOCAL_DIR || DEFAULT_LOCAL_DIR),
    localPublicUrl: `${backendUrl}/uploads`,
    s3: readS3Settings(env),
    maxBytes: positiveInt(env, "UPLOAD_MAX_BYTES", 20 * 1024 * 1024),
    maxPixels: positiveInt(env, "UPLOAD_MAX_PIXELS", 50_000_000),
  }
}

function readS3Settings(env: NodeJS.ProcessEnv): S3Settings | undefined {
  const bucket = env.S3_BUCKET
  if (!bucket) {
    const stray = ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PUBLIC_URL"].find((name) => env[name])
    if (stray) throw new ConfigError(`${stray} is set but S3_BUCKET is not: name the bucket uploads go to`)
    return undefined
  }
  if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the machine's AWS credentials")
  }
  const region = env.S3_REGION || "us-east-1"
  const endpoint = env.S3_ENDPOINT ? httpBase("S3_ENDPOINT", env.S3_ENDPOINT) : undefined
  const forcePathStyle = env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === "true" : Boolean(endpoint)
  const bucketUrl = endpoint
    ? forcePathStyle
      ? `${endpoint}/${bucket}`
      : endpoint.replace("://", `://${bucket}.`)
    : `https://${bucket}.s3.${region}.amazonaws.com`
  return {
    bucket,
    region,
    endpoint,
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    publicUrl: env.S3_PUBLIC_URL ? httpBase("S3_PUBLIC_URL", env.S3_PUBLIC_URL) : bucketUrl,
    forcePathStyle,
  }
}

function httpBase(name: string, value: string): string {
  if (!/^https?:\/\/[^/]+/.test(value)) throw new ConfigError(`${name}: "${value}" is not an http(s) URL`)
  return value.replace(/\/$/, "")
}
