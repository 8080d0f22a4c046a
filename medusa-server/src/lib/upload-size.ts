import type { NextFunction, Request, Response } from "express"

/**
 * Medusa's upload route writes whatever it is sent to disk before any check runs, so the
 * request's declared size is judged first. A body without a declared length (chunked)
 * could be of any size: browsers always declare one for a form upload.
 */
export function limitUploadSize(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = req.headers["content-length"]
    if (declared === undefined) {
      res.status(411).json({ type: "invalid_data", message: "An upload must declare its Content-Length" })
      return
    }
    if (Number(declared) > maxBytes) {
      res.status(413).json({
        type: "invalid_data",
        message: `The upload is ${declared} bytes; uploads may be at most ${maxBytes} bytes (${(maxBytes / 1048576).toFixed(1)} MB)`,
      })
      req.resume()
      return
    }
    next()
  }
}
