import { orgSitemap } from "@/lib/seo"

// Built from Medusa's data when asked, never at build time (no Medusa then).
export const dynamic = "force-dynamic"

export const GET = orgSitemap.root
