import { timingSafeEqual } from "crypto"
import { revalidateTag } from "next/cache"
import { NextResponse } from "next/server"

const TAGS = ["products", "regions", "partners", "categories", "collections"]
const PRODUCT_TAG = /^product:[A-Za-z0-9_-]{1,64}$/
const MAX_TAGS = 500
const isTag = (t: unknown) => typeof t === "string" && (TAGS.includes(t) || PRODUCT_TAG.test(t))

/**
 * Medusa calls this when catalog data changes, with the shared secret:
 * `POST { tags: ["product:prod_123", ...] }` drops those products' pages; "products" drops them all.
 */
export async function POST(req: Request) {
  const secret = process.env.REVALIDATE_SECRET
  if (!secret) return NextResponse.json({ message: "Revalidation is not configured (REVALIDATE_SECRET)" }, { status: 503 })
  const given = Buffer.from(req.headers.get("x-revalidate-secret") ?? "")
  const expected = Buffer.from(secret)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return NextResponse.json({ message: "Wrong or missing x-revalidate-secret" }, { status: 401 })
  }
  const body = await req.json().catch(() => null)
  const tags: unknown = body?.tags
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > MAX_TAGS || !tags.every(isTag)) {
    return NextResponse.json(
      { message: `tags must be a non-empty array of at most ${MAX_TAGS} of ${TAGS.join(", ")} or product:<id>` },
      { status: 400 }
    )
  }
  for (const tag of tags) revalidateTag(tag)
  return NextResponse.json({ revalidated: tags })
}
