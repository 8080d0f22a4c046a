import NextLink from "next/link"
import type { ComponentProps } from "react"

/**
 * The shop's links do not prefetch. Every page renders per request (the region cookie picks the
 * prices) and has no loading boundary, so a prefetch brings back nothing a click could reuse,
 * yet every link in view costs a request to the Next server (7 on a category page's first
 * view, more with a longer listing) and main-thread work while the page is still starting.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />
}
