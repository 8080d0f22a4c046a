import { timingSafeEqual } from "crypto"
import { revalidateTag } from "next/cache"
import { NextResponse } from "next/server"

const TAGS = ["products", "regions", "partners"]

/** Medusa calls this when catalog data changes: `POST { tags: ["products"] }` with the shared secret. */
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
  if (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => TAGS.includes(t))) {
    return NextResponse.json({ message: `tags must be a non-empty array of ${TAGS.join(", ")}` }, { status: 400 })
  }
  for (const tag of tags) revalidateTag(tag)
  return NextResponse.json({ revalidated: tags })
}
