"use client"

import { useState } from "react"
import { ResponsiveImage } from "@pva/storefront-core"

export function Gallery({ images, title }: { images: string[]; title: string }) {
  const [active, setActive] = useState(0)
  if (images.length === 0) return <div style={{ aspectRatio: "1", background: "var(--pva-gradient)", borderRadius: 10 }} />
  return (
    <div>
      <ResponsiveImage src={images[active]} alt={title} width={640} height={640} sizes="(max-width: 800px) 100vw, 640px" eager style={{ borderRadius: 10 }} />
      {images.length > 1 && (
        <div className="row" style={{ marginTop: 8 }}>
          {images.map((src, i) => (
            <button key={src} type="button" onClick={() => setActive(i)} aria-label={`Show image ${i + 1} of ${images.length}`} aria-pressed={i === active} style={{ padding: 0, border: 0, background: "none" }}>
              <ResponsiveImage src={src} alt="" width={64} height={64} sizes="64px" style={{ width: 64, borderRadius: 6 }} />
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
