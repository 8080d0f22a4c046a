import { ConfigError, readServerEnv } from "../env"

describe("upload storage settings", () => {
  it("keeps uploads in the server's folder, served under /uploads, by default", () => {
    const { files } = readServerEnv({ MEDUSA_BACKEND_URL: "https://api.pvabazaar.com/" })
    expect(files.s3).toBeUndefined()
    expect(files.localDir).toMatch(/medusa-server\/\.data\/uploads$/)
    expect(files.localPublicUrl).toBe("https://api.pvabazaar.com/uploads")
    expect([files.maxBytes, files.maxPixels]).toEqual([20 * 1024 * 1024, 50_000_000])
  })

  it("uses an S3-compatible bucket when S3_BUCKET is set, addressed by path on a custom endpoint", () => {
    const { files } = readServerEnv({ S3_BUCKET: "media", S3_ENDPOINT: "http://127.0.0.1:4569", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" })
    expect(files.s3).toMatchObject({ bucket: "media", forcePathStyle: true, publicUrl: "http://127.0.0.1:4569/media" })
    expect(readServerEnv({ S3_BUCKET: "media", S3_REGION: "eu-west-1" }).files.s3?.publicUrl).toBe("https://media.s3.eu-west-1.amazonaws.com")
    expect(readServerEnv({ S3_BUCKET: "media", S3_PUBLIC_URL: "https://cdn.pvabazaar.com/" }).files.s3?.publicUrl).toBe("https://cdn.pvabazaar.com")
  })

  it.each([
    [{ S3_ENDPOINT: "http://minio:9000" }, /S3_ENDPOINT is set but S3_BUCKET is not/],
    [{ S3_BUCKET: "media", S3_ACCESS_KEY_ID: "k" }, /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/],
    [{ S3_BUCKET: "media", S3_PUBLIC_URL: "cdn.example" }, /S3_PUBLIC_URL: "cdn.example" is not an http\(s\) URL/],
    [{ UPLOAD_MAX_BYTES: "10MB" }, /UPLOAD_MAX_BYTES must be a positive integer/],
  ])("refuses %j with a message", (env, message) => {
    expect(() => readServerEnv(env)).toThrow(ConfigError)
    expect(() => readServerEnv(env)).toThrow(message)
  })
})
