import type { NextFunction, Request, Response } from "express"

/**
 * Changes, or acts on, the JSON body of a successful (2xx) answer before it is sent;
 * may return a replacement body.
 */
export type JsonAmendment = (body: any, req: Request, res: Response) => unknown | Promise<unknown>

/**
 * The one place a PVA plugin reaches into an answer of a Medusa core route. Medusa 1.x has
 * no hook between a core route's work and its answer, and picks response fields from fixed
 * lists; prefer its extension points where one fits (an extended entity with
 * `allowedStoreProductsFields` / `relations`), or a route of the plugin's own. Where neither
 * does (adding fields to GET /store/products, acting on a login before the shopper is told
 * they are in), put this middleware on the core route's path.
 *
 * `amend` runs only for a 2xx JSON answer, once, and the answer waits for it. When it fails,
 * `onError: "fail"` (the default) hands the error to Express (a 500), `"ignore"` sends the
 * answer unchanged: for additions the answer is fine without.
 */
export function amendJsonResponse(amend: JsonAmendment, opts: { onError?: "fail" | "ignore" } = {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const send = res.json.bind(res)
    res.json = ((body: unknown) => {
      res.json = send
      if (res.statusCode < 200 || res.statusCode >= 300) return send(body)
      Promise.resolve()
        .then(() => amend(body, req, res))
        .then(
          (replacement) => send(replacement === undefined ? body : replacement),
          (err) => (opts.onError === "ignore" ? send(body) : next(err))
        )
      return res
    }) as Response["json"]
    next()
  }
}
