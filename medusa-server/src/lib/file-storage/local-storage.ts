import fs from "fs"
import path from "path"
import { PassThrough, Readable } from "stream"
import { assertSafeKey, FileStorage, PRIVATE_PREFIX } from "./storage"

/** Files in a folder on this server, served by it under `publicBaseUrl` (see server.ts). */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string, private readonly publicBaseUrl: string) {}

  private pathOf(key: string): string {
    assertSafeKey(key)
    return path.join(this.root, key)
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.pathOf(key)
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
    // Written aside and renamed, so a reader never gets half a file.
    const partial = `${file}.${process.pid}.partial`
    await fs.promises.writeFile(partial, body)
    await fs.promises.rename(partial, file)
  }

  writer(key: string) {
    const file = this.pathOf(key)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const stream = new PassThrough()
    const out = fs.createWriteStream(file)
    stream.pipe(out)
    const done = new Promise<void>((resolve, reject) => {
      out.on("finish", () => resolve())
      out.on("error", reject)
      stream.on("error", reject)
    })
    return { stream, done }
  }

  async read(key: string): Promise<Readable> {
    const file = this.pathOf(key)
    await fs.promises.access(file)
    return fs.createReadStream(file)
  }

  async exists(key: string): Promise<boolean> {
    return fs.promises.access(this.pathOf(key)).then(
      () => true,
      () => false
    )
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true })
  }

  publicUrl(key: string): string {
    return `${this.publicBaseUrl}/${key}`
  }

  /** A protected file's key holds a random id, so its link is as good as a signed one. */
  async downloadUrl(key: string): Promise<string> {
    if (!key.startsWith(PRIVATE_PREFIX)) throw new Error(`"${key}" is not a protected file`)
    return this.publicUrl(key)
  }
}
