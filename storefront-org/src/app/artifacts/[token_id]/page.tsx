import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getAddress } from "viem"
import { headers } from "next/headers"
import { cspNonce, JsonLd } from "@pva/storefront-core"
import { chainConfig, txUrl } from "@/lib/chain-config"
import { artifactImages } from "@/lib/artifact-photo"
import { checkCid } from "@/lib/cid"
import { shortAddress, STATUS_LABELS } from "@/lib/format"
import { contentOf, metadataOf, provenanceOf, twinByTokenId } from "@/lib/public-api"
import { serverUrl } from "@/lib/server-url"
import { artifactJsonLd, artifactPath, orgPageUrl } from "@/lib/seo"
import { ArtifactMedia } from "@/modules/artifacts/artifact-media"
import { ProvenanceTimeline } from "@/modules/artifacts/provenance-timeline"
import { TraitList } from "@/modules/artifacts/traits"
import { ProductView } from "@/modules/product-view"
import type { TwinMetadata } from "@/lib/types"


type Props = { params: { token_id: string } }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const twin = /^\d{1,78}$/.test(params.token_id) ? await twinByTokenId(params.token_id) : null
  if (!twin) return { title: "Artifact" }
  const url = orgPageUrl(artifactPath(twin.token_id))
  const description = (await metadataOf(twin.metadata_cid))?.description
  return {
    title: twin.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, title: twin.title, description, images: artifactImages(twin).map((image) => ({ url: image, alt: twin.title })) },
  }
}

export default async function ArtifactPage({ params }: Props) {
  if (!/^\d{1,78}$/.test(params.token_id)) notFound()
  const twin = await twinByTokenId(params.token_id)
  if (!twin) notFound()
  const [events, content] = await Promise.all([provenanceOf(twin.token_id), contentOf(twin.metadata_cid)])
  const bytes = content ? new Uint8Array(Buffer.from(content.base64, "base64")) : null
  const check = bytes ? checkCid(twin.metadata_cid, bytes) : null
  let metadata: TwinMetadata | null = null
  try {
    metadata = bytes && check?.verified ? JSON.parse(Buffer.from(bytes).toString("utf8")) : null
  } catch {
    metadata = null
  }
  const chain = chainConfig()
  return (
    <div className="container section">
      <JsonLd doc={artifactJsonLd(twin, metadata)} nonce={cspNonce(headers().get("content-security-policy"))} />
      <div className="artifact">
        <ArtifactMedia twin={twin} />
        <div>
          <h1>{twin.title}</h1>
          <p>
            <span className={`badge status-${twin.status}`}>{STATUS_LABELS[twin.status] ?? twin.status}</span>{" "}
            <span className="muted">Token #{twin.token_id} · tag {twin.tag_id}</span>
          </p>
          {metadata?.description ? <p>{metadata.description}</p> : null}
          <h2>Traits</h2>
          <TraitList metadata={metadata} />
          <h2>Owner</h2>
          {twin.owner ? (
            <p className="mono" data-testid="owner">{getAddress(twin.owner)}</p>
          ) : (
            <p className="muted">Not minted yet: the twin is waiting for its buyer to claim it.</p>
          )}
          {twin.mint_tx_hash ? <p><a href={txUrl(twin.mint_tx_hash, chain)}>Mint transaction {shortAddress(twin.mint_tx_hash)}</a></p> : null}
          <h2>Metadata</h2>
          <p>
            <a href={serverUrl(twin.metadata_url)} className="mono">/ipfs/{twin.metadata_cid}</a>
          </p>
          <p data-testid="cid-check" className={check?.verified ? "ok" : "alert"} role="status">
            {check === null
              ? "The metadata could not be fetched, so its CID could not be checked."
              : check.verified
                ? "Verified: the metadata bytes hash to this CID."
                : `Not verified: ${check.reason}`}
          </p>
        </div>
      </div>
      <section className="section" aria-labelledby="provenance">
        <h2 id="provenance">Provenance</h2>
        <ProvenanceTimeline events={events} chain={chain} />
      </section>
      <ProductView productId={twin.product_id} />
    </div>
  )
}
