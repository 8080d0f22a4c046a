// Cart line rules: every store route that adds or changes cart lines (creating a cart with
// `items`, adding a line, updating a line) is turned into one picture, the whole cart as it
// would be after the request, and each rule judges that picture. Cart completion runs the same
// rules over the cart as it is. Medusa checks none of this on `POST /store/carts`, and a rule
// that looked at one line at a time could be passed by spreading a quantity over several lines.
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import { customerIdOf } from "./request-customer"
import { rowsOf } from "./sql-rows"

/** One line of a cart: a variant and how many (`id` for lines that exist already). */
export type CartLine = { id?: string; variant_id: string; quantity: number }

export type CartLineChange = {
  /** null while the cart is being created with its items. */
  cartId: string | null
  /** The cart's customer (or the signed-in customer creating it), if any. */
  customerId: string | null
  /** The signed-in customer making the request (null at cart completion). */
  requesterId: string | null
  /** Every line of the cart as it would be after the change. */
  lines: CartLine[]
  /** Variants the change adds or raises; a rule leaves other variants alone. At completion: all. */
  changed: string[]
  manager: EntityManager
}

/** Throws a MedusaError saying what is wrong with the cart, or resolves. */
/** Where a rule finds the services it needs: the request's scope (awilix). */
export type ServiceScope = { resolve<T>(name: string): T }

export type CartLineRule = (change: CartLineChange, scope: ServiceScope) => Promise<void>

/**
 * The matcher for middleware configs: a method-free matcher is a path prefix in Medusa, so this
 * one reaches every cart route and the steps below act only on the line-changing ones.
 */
export const CART_LINE_ROUTES_MATCHER = "/store/carts"

const CREATE = /^\/store\/carts\/?$/
const ADD = /^\/store\/carts\/([^/]+)\/line-items\/?$/
const UPDATE = /^\/store\/carts\/([^/]+)\/line-items\/([^/]+)\/?$/

const pathOf = (req: MedusaRequest) => (req.originalUrl ?? req.url).split("?")[0]

/** True for `POST /store/carts`, `POST /store/carts/:id/line-items` and `POST /store/carts/:id/line-items/:line_id`. */
export function isCartLineRoute(req: MedusaRequest): boolean {
  const path = pathOf(req)
  return req.method === "POST" && (CREATE.test(path) || ADD.test(path) || UPDATE.test(path))
}

type Step = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/** `step` on the line-changing routes only (e.g. `authenticateCustomer()` before a rule that needs the customer). */
export function onCartLineRoute(step: Step): Step {
  return (req, res, next) => (isCartLineRoute(req) ? step(req, res, next) : next())
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

function wholeQuantity(value: unknown, minimum: 0 | 1, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum) {
    throw invalid(`${field} must be a whole number of at least ${minimum}, got ${JSON.stringify(value)}`)
  }
  return value
}

/** Quantity per variant over all of `lines`. */
export function quantitiesByVariant(lines: CartLine[]): Map<string, number> {
  const totals = new Map<string, number>()
  for (const line of lines) totals.set(line.variant_id, (totals.get(line.variant_id) ?? 0) + line.quantity)
  return totals
}

/** The lines of a cart as they are now. */
export async function cartLinesOf(manager: EntityManager, cartId: string): Promise<CartLine[]> {
  return manager.query(`SELECT id, variant_id, quantity FROM line_item WHERE cart_id = $1 AND variant_id IS NOT NULL ORDER BY created_at`, [cartId])
}

/**
 * What a POST request does to a cart's lines, or null when it is not a line change (or is
 * malformed in a way Medusa's own validation answers, such as a missing variant).
 */
export async function cartLineChangeOf(req: MedusaRequest): Promise<CartLineChange | null> {
  if (req.method !== "POST") return null
  const path = pathOf(req)
  const body = (req.body ?? {}) as Record<string, unknown>
  const manager = req.scope.resolve<EntityManager>("manager")
  const requesterId = customerIdOf(req) ?? null

  if (CREATE.test(path)) {
    if (body.items === undefined) return null
    if (!Array.isArray(body.items)) throw invalid("items must be a list of { variant_id, quantity }")
    const lines = body.items.map((item: unknown, i: number): CartLine => {
      const { variant_id, quantity } = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>
      if (typeof variant_id !== "string") throw invalid(`items[${i}].variant_id must be a variant id`)
      return { variant_id, quantity: wholeQuantity(quantity, 1, `items[${i}].quantity`) }
    })
    return { cartId: null, customerId: requesterId, requesterId, lines, changed: [...new Set(lines.map((l) => l.variant_id))], manager }
  }

  const add = ADD.exec(path)
  const update = add ? null : UPDATE.exec(path)
  if (!add && !update) return null
  const cartId = decodeURIComponent((add ?? update)![1])
  const [cart] = rowsOf<{ customer_id: string | null }>(await manager.query(`SELECT customer_id FROM cart WHERE id = $1`, [cartId]))
  if (!cart) return null // Medusa answers 404
  const existing = await cartLinesOf(manager, cartId)
  const base = { cartId, customerId: cart.customer_id ?? requesterId, requesterId, manager }

  if (add) {
    if (typeof body.variant_id !== "string") return null
    const quantity = wholeQuantity(body.quantity, 1, "quantity")
    return { ...base, lines: [...existing, { variant_id: body.variant_id, quantity }], changed: [body.variant_id] }
  }
  const lineId = decodeURIComponent(update![2])
  const line = existing.find((l) => l.id === lineId)
  if (!line) return null
  const quantity = wholeQuantity(body.quantity, 0, "quantity")
  const lines = existing.map((l) => (l.id === lineId ? { ...l, quantity } : l)).filter((l) => l.quantity > 0)
  // Lowering a line (or removing it, 0) never breaks a limit, so nothing is judged then.
  return { ...base, lines, changed: quantity > line.quantity ? [line.variant_id] : [] }
}

/** Runs `rules` over a cart as it is (cart completion): every variant is judged. */
export async function checkCartLines(
  manager: EntityManager,
  cartId: string,
  rules: CartLineRule[],
  scope: ServiceScope
): Promise<void> {
  const [cart] = rowsOf<{ customer_id: string | null }>(await manager.query(`SELECT customer_id FROM cart WHERE id = $1`, [cartId]))
  const lines = await cartLinesOf(manager, cartId)
  const change: CartLineChange = { cartId, customerId: cart?.customer_id ?? null, requesterId: null, lines, changed: [...quantitiesByVariant(lines).keys()], manager }
  for (const rule of rules) await rule(change, scope)
}

const ERROR_STATUS: Record<string, number> = {
  [MedusaError.Types.INVALID_DATA]: 400,
  [MedusaError.Types.NOT_ALLOWED]: 400,
  [MedusaError.Types.UNAUTHORIZED]: 401,
  [MedusaError.Types.NOT_FOUND]: 404,
}

/**
 * A middleware step for the routes in CART_LINE_ROUTES: works out the cart after the
 * request and runs `rules` over it; a rule's MedusaError is answered as a 4xx with its message.
 * Put `authenticateCustomer()` before it when a rule needs the signed-in customer.
 */
export function cartLineRules(...rules: CartLineRule[]) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const change = await cartLineChangeOf(req)
      if (change && change.changed.length) for (const rule of rules) await rule(change, req.scope)
      next()
    } catch (error) {
      // Matched by shape: a rule may throw the MedusaError of another copy of medusa-core-utils.
      const { type, message } = (error ?? {}) as { type?: unknown; message?: unknown }
      const status = typeof type === "string" ? ERROR_STATUS[type] : undefined
      if (!status) return next(error)
      res.status(status).json({ type, message })
    }
  }
}

/** How many of one variant a cart may hold when its product says nothing (`metadata.max_quantity_per_line`). */
export const DEFAULT_MAX_QUANTITY_PER_LINE = 10

/** A product's own limit, from `metadata.max_quantity_per_line` (a whole number ≥ 1), else the default. */
export function maxQuantityPerLine(metadata: Record<string, unknown> | null | undefined): number {
  const own = Number(metadata?.max_quantity_per_line)
  return Number.isInteger(own) && own >= 1 ? own : DEFAULT_MAX_QUANTITY_PER_LINE
}

/**
 * No cart holds more of one variant than its product allows, whether on one line or spread
 * over several.
 */
export const lineQuantityLimit: CartLineRule = async ({ lines, changed, manager }) => {
  const totals = quantitiesByVariant(lines)
  const products: Array<{ variant_id: string; title: string; metadata: Record<string, unknown> | null }> = await manager.query(
    `SELECT v.id AS variant_id, p.title, p.metadata FROM product_variant v JOIN product p ON p.id = v.product_id WHERE v.id = ANY($1)`,
    [changed]
  )
  for (const { variant_id, title, metadata } of products) {
    const limit = maxQuantityPerLine(metadata)
    const total = totals.get(variant_id) ?? 0
    if (total > limit) {
      throw invalid(`At most ${limit} of ${title} can be bought in one order; this cart would hold ${total}`)
    }
  }
}
