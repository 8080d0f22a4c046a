import { storefrontNextConfig } from "@pva/storefront-core/next-config"

// The pages opened from emailed links carry their token in the query.
export default storefrontNextConfig({ noReferrerPages: "/account/:page(verify-email|reset-password)" })
