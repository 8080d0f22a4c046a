/**
 * What an admin may send to create or edit a partner, and to set a product's reorder point,
 * checked the way Medusa's own v1 routes check bodies: class-validator classes run through
 * Medusa's `validator` (a 400 naming every field that is wrong, once each). Checks that need the
 * database or DNS (free handle, known products, public URLs) stay in PartnerService.
 */
import { validator } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { IsArray, IsBoolean, IsDefined, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy, ValidateIf } from "class-validator"
import { PARTNER_STATUSES, PartnerStatus } from "../models/partner"

const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A string with something in it besides spaces, at most `max` characters; one message either way. */
function Text(max: number): PropertyDecorator {
  const filled = (value: unknown): value is string => typeof value === "string" && /\S/.test(value)
  return ValidateBy({
    name: "isText",
    constraints: [max],
    validator: {
      validate: (value) => filled(value) && value.length <= max,
      defaultMessage: (args) => (filled(args?.value) ? `$property must be at most ${max} characters` : "$property must be a non-empty string"),
    },
  })
}

/** May be left out, but not cleared: the column is required. */
const IfSent = () => ValidateIf((_object, value) => value !== undefined)

/** Fields either route accepts; `null` clears the optional ones. */
class PartnerFields {
  @IfSent()
  @Text(200)
  @Matches(HANDLE, { message: "handle must be lowercase letters, digits and single hyphens" })
  handle?: string

  @IsOptional()
  @Matches(/^[a-zA-Z]{2}$/, { message: "country_code must be a two-letter ISO code" })
  country_code?: string | null

  @IsOptional()
  @Text(5000)
  story?: string | null

  @IsOptional()
  @Text(320)
  @IsEmail({}, { message: "contact_email must be an email address" })
  contact_email?: string | null

  @IfSent()
  @IsIn(PARTNER_STATUSES, { message: `status must be one of ${PARTNER_STATUSES.join(", ")}` })
  status?: PartnerStatus

  @IsOptional()
  @Text(200)
  payout_account_ref?: string | null

  /** Must also be a public http(s) address: PartnerService resolves and checks it. */
  @IsOptional()
  @Text(2000)
  webhook_url?: string | null

  /** The partner's inventory feed (CSV or JSON), pulled nightly and on "Sync now"; public http(s) only. */
  @IsOptional()
  @Text(2000)
  inventory_feed_url?: string | null

  @IfSent()
  @IsBoolean({ message: "is_active must be true or false" })
  is_active?: boolean

  /** true re-enables an endpoint that answered 410 Gone; false stops deliveries. */
  @IfSent()
  @IsBoolean({ message: "webhook_enabled must be true or false" })
  webhook_enabled?: boolean

  @IfSent()
  @IsArray({ message: "product_ids must be an array of product ids" })
  @IsString({ each: true, message: "product_ids must be an array of product ids" })
  product_ids?: string[]
}

export class AdminPostPartnersReq extends PartnerFields {
  @IsDefined({ message: "name is required" })
  @Text(200)
  name!: string

  @IsDefined({ message: "country is required" })
  @Text(100)
  country!: string
}

export class AdminPostPartnersPartnerReq extends PartnerFields {
  @IfSent()
  @Text(200)
  name?: string

  @IfSent()
  @Text(100)
  country?: string
}

export class AdminPostProductsReorderPointReq {
  @IsDefined({ message: "reorder_point is required" })
  @IsInt({ message: "reorder_point must be a whole number from 0 to 1000000" })
  @Min(0, { message: "reorder_point must be a whole number from 0 to 1000000" })
  @Max(1_000_000, { message: "reorder_point must be a whole number from 0 to 1000000" })
  reorder_point!: number
}

export type PartnerInput = Omit<AdminPostPartnersPartnerReq, "webhook_enabled" | "product_ids">
const FIELDS = [
  "name",
  "handle",
  "country",
  "country_code",
  "story",
  "contact_email",
  "status",
  "payout_account_ref",
  "webhook_url",
  "inventory_feed_url",
  "is_active",
  "webhook_enabled",
  "product_ids",
]

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

function jsonObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw invalid("Request body must be a JSON object")
  return body as Record<string, unknown>
}

/** A create (`AdminPostPartnersReq`) or edit (`AdminPostPartnersPartnerReq`) body, checked and trimmed. */
export async function validatePartnerBody<T extends PartnerFields>(Req: new () => T, body: unknown): Promise<T> {
  const fields = jsonObject(body)
  const unknown = Object.keys(fields).filter((k) => !FIELDS.includes(k))
  if (unknown.length) throw invalid(`Unknown fields: ${unknown.join(", ")}`)
  // One message per field: the first of its checks that fails.
  const input = await validator(Req, fields, { stopAtFirstError: true })
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string") (input as any)[key] = value.trim()
  }
  if (typeof input.country_code === "string") input.country_code = input.country_code.toLowerCase()
  return input
}

export async function validateReorderPoint(body: unknown): Promise<number> {
  return (await validator(AdminPostProductsReorderPointReq, jsonObject(body), { stopAtFirstError: true })).reorder_point
}
