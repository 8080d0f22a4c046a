/** schema.org `VisualArtwork`: a physical piece with its digital twin, as pvabazaar.org shows it. */
export type VisualArtworkJsonLd = {
  "@context": "https://schema.org"
  "@type": "VisualArtwork"
  name: string
  url: string
  image: string[]
  description?: string
  creator?: { "@type": "Person" | "Organization"; name: string }[]
  artMedium?: string
  identifier?: string
}

export function visualArtworkJsonLd(a: {
  title: string
  url: string
  images: string[]
  description?: string | null
  creator?: string | null
  medium?: string | null
  identifier?: string | null
}): VisualArtworkJsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "VisualArtwork",
    name: a.title,
    url: a.url,
    image: a.images,
    ...(a.description ? { description: a.description } : {}),
    ...(a.creator ? { creator: [{ "@type": "Organization" as const, name: a.creator }] } : {}),
    ...(a.medium ? { artMedium: a.medium } : {}),
    ...(a.identifier ? { identifier: a.identifier } : {}),
  }
}
