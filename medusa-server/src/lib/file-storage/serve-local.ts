import express from "express"
import { cacheControlFor } from "./storage"

/** The local folder's files, with the Cache-Control S3 would store beside them. */
export function serveUploads(root: string) {
  return express.static(root, {
    fallthrough: false,
    index: false,
    dotfiles: "deny",
    setHeaders: (res, filePath) => {
      const key = filePath.slice(root.length + 1)
      res.setHeader("Cache-Control", cacheControlFor(key))
      res.setHeader("X-Content-Type-Options", "nosniff")
      // express.static's MIME table predates AVIF.
      if (filePath.endsWith(".avif")) res.setHeader("Content-Type", "image/avif")
    },
  })
}
