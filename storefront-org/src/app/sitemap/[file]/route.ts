import { orgSitemap } from "@/lib/seo"

export const dynamic = "force-dynamic"

/** `/sitemap/<n>.xml`: the nth file the sitemap index names. */
export const GET = orgSitemap.file
