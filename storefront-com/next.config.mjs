import { storefrontNextConfig } from "@pva/storefront-core/next-config"

export default storefrontNextConfig({ noReferrerPages: "/account/:page(verify-email|reset-password)" })
