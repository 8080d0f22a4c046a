import { storefrontConfig } from "@pva/storefront-core"

/** The browser-facing URL of something the Medusa server serves (images, /ipfs). */
export const serverUrl = (path: string) => `${storefrontConfig().publicUrl}${path}`
