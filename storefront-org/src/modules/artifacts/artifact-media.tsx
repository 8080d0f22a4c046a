import { ResponsiveImage } from "@pva/storefront-core"
import { artifactPhoto } from "@/lib/artifact-photo"
import { serverUrl } from "@/lib/server-url"
import type { Twin } from "@/lib/types"

/** The main column's width on a wide screen: half the 1,120 px container, less its padding and the gap. */
const PHOTO_SIZES = "(min-width: 1120px) 532px, (min-width: 800px) 50vw, 100vw"
/**
 * The artifact page's image. With a photo of the piece, the photo is the page's largest paint
 * (eager, high priority, sized from its variants) and the twin's SVG a small secondary image;
 * without one, the twin's SVG is the main image.
 */
export function ArtifactMedia({ twin }: { twin: Pick<Twin, "title" | "image_url" | "product_thumbnail"> }) {
  const photo = artifactPhoto(twin.product_thumbnail)
  const twinImage = serverUrl(twin.image_url)
  if (!photo) {
    // eslint-disable-next-line @next/next/no-img-element -- the storefronts serve images unoptimized (next-config), straight from the server
    return <img src={twinImage} alt={twin.title} width={600} height={600} fetchPriority="high" data-testid="twin-image" />
  }
  return (
    <figure className="artifact-media" data-testid="artifact-photo">
      <ResponsiveImage src={photo} alt={twin.title} width={600} height={600} sizes={PHOTO_SIZES} eager style={{ borderRadius: 10 }} />
      <figcaption>
        {/* eslint-disable-next-line @next/next/no-img-element -- the storefronts serve images unoptimized (next-config), straight from the server */}
        <img src={twinImage} alt={`The digital twin of ${twin.title}`} width={120} height={120} loading="lazy" decoding="async" data-testid="twin-image" />
        <span className="muted">Its digital twin, as stored on IPFS</span>
      </figcaption>
    </figure>
  )
}
