/**
 * Seeds PVA Bazaar's regions, channels, keys, categories and catalog. Running it
 * again changes nothing: every record is looked up by its natural key first.
 */
import express from "express"
import fs from "fs"
import path from "path"
import { readServerEnv } from "../config/env"
import { CATEGORY_TREE, SEED_PRODUCTS, SeedProduct } from "../seed/catalog"
import { seedImageBytes, seedImageId } from "../seed/product-image"
import type ProductFileService from "../services/product-file"
import { seedArchetype } from "@pva/medusa-plugin-archetype"
import { seedPartners } from "@pva/medusa-plugin-partners"
import { seedDigitalTwins, traitList } from "@pva/medusa-plugin-digital-twin"
import { seedFractional, SHARE_PRODUCT_TYPE } from "@pva/medusa-plugin-fractional"

export const DEV_ADMIN = { email: "admin@pvabazaar.local", password: "pva-admin-dev" }
export const DEV_CUSTOMER = { email: "shopper@pvabazaar.local", password: "pva-shopper-dev" }

// Taxes by destination (services/jurisdiction-tax.ts): US sales tax added at checkout by
// state; EU prices, shipping included, already hold the destination country's VAT.
const REGIONS = [
  {
    name: "United States",
    currency_code: "usd",
    includes_tax: false,
    countries: ["us"],
    shipping: [["Standard Shipping", 800], ["Express Shipping", 2500]],
  },
  {
    name: "Europe",
    currency_code: "eur",
    includes_tax: true,
    countries: ["de", "fr", "it", "es", "nl", "be", "at", "ie", "pt", "fi"],
    shipping: [["Standard Shipping", 900], ["Express Shipping", 2900]],
  },
] as const

export const SALES_CHANNELS = {
  com: { name: "pvabazaar.com", description: "The shop for ethically sourced gems and artisan goods" },
  org: { name: "pvabazaar.org", description: "Provenance, digital twins and fractional shares" },
}

const TAX_PROVIDER = "jurisdiction"
const SHARES_EXEMPTION = { code: "EXEMPT-SECURITIES", name: "Securities: no sales tax or VAT" }

/** Fractional shares are securities: a 0% rate on their product type, visible and editable in Admin. */
async function exemptShares(container: any, regionId: string) {
  const taxRateService = container.resolve("taxRateService")
  const [found] = await taxRateService.list({ region_id: regionId, code: SHARES_EXEMPTION.code })
  if (found) return
  const manager = container.resolve("manager")
  const type = await manager.withRepository(container.resolve("productTypeRepository")).upsertType({ value: SHARE_PRODUCT_TYPE })
  const rate = await taxRateService.create({ region_id: regionId, rate: 0, ...SHARES_EXEMPTION })
  await taxRateService.addToProductType(rate.id, [type.id])
}

function handleOf(name: string) {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
}

export async function seedStore(container: any, opts: { devAccounts: boolean }) {
  const storeService = container.resolve("storeService")
  const store = await storeService.retrieve({ relations: ["currencies"] })
  for (const code of ["usd", "eur"]) {
    if (!store.currencies.some((c: any) => c.code === code)) await storeService.addCurrency(code)
  }
  // Euro prices are the prices shoppers pay, VAT included.
  const currencyService = container.resolve("currencyService")
  if (!(await currencyService.retrieveByCode("eur")).includes_tax) await currencyService.update("eur", { includes_tax: true })
  if (store.name !== "PVA Bazaar") await storeService.update({ name: "PVA Bazaar" })

  const paymentProviders = ["manual", ...(readServerEnv().stripeApiKey ? ["stripe"] : [])]
  const regionService = container.resolve("regionService")
  const shippingOptionService = container.resolve("shippingOptionService")
  const profile = await container.resolve("shippingProfileService").retrieveDefault()
  for (const spec of REGIONS) {
    let [region] = await regionService.list({ name: spec.name })
    if (!region) {
      region = await regionService.create({
        name: spec.name,
        currency_code: spec.currency_code,
        tax_rate: 0,
        tax_provider_id: TAX_PROVIDER,
        includes_tax: spec.includes_tax,
        payment_providers: paymentProviders,
        fulfillment_providers: ["manual"],
        countries: [...spec.countries],
      })
    }
    if (region.tax_provider_id !== TAX_PROVIDER || region.includes_tax !== spec.includes_tax) {
      region = await regionService.update(region.id, { tax_provider_id: TAX_PROVIDER, includes_tax: spec.includes_tax })
    }
    await exemptShares(container, region.id)
    const existing = await shippingOptionService.list({ region_id: region.id })
    for (const [name, amount] of spec.shipping) {
      if (existing.some((o: any) => o.name === name)) continue
      await shippingOptionService.create({
        name,
        region_id: region.id,
        profile_id: profile.id,
        provider_id: "manual",
        data: { id: "manual-fulfillment" },
        price_type: "flat_rate",
        amount,
        includes_tax: spec.includes_tax,
        is_return: false,
      })
    }
  }

  const salesChannelService = container.resolve("salesChannelService")
  const channels: Record<"com" | "org", any> = {} as any
  for (const [key, spec] of Object.entries(SALES_CHANNELS) as Array<["com" | "org", { name: string; description: string }]>) {
    const [[found]] = await salesChannelService.listAndCount({ name: spec.name }, { take: 1 })
    channels[key] = found ?? (await salesChannelService.create(spec))
  }

  const userService = container.resolve("userService")
  let [admin] = await userService.list({ email: DEV_ADMIN.email })
  if (!admin && opts.devAccounts) {
    admin = await userService.create({ email: DEV_ADMIN.email, first_name: "Dev", last_name: "Admin", role: "admin" }, DEV_ADMIN.password)
  }

  const keyService = container.resolve("publishableApiKeyService")
  const keys: Record<"com" | "org", string> = {} as any
  for (const key of ["com", "org"] as const) {
    const title = SALES_CHANNELS[key].name
    const [candidates] = await keyService.listAndCount({ q: title }, { take: 10 })
    let apiKey = candidates.find((k: any) => k.title === title && !k.revoked_at)
    if (!apiKey) {
      apiKey = await keyService.create({ title }, { loggedInUserId: admin?.id ?? "seed" })
      await keyService.addSalesChannels(apiKey.id, [channels[key].id])
    }
    keys[key] = apiKey.id
  }

  const categoryIds = await seedCategories(container)
  await seedProducts(container, { profileId: profile.id, channels, categoryIds, ...opts })
  await seedCollections(container)
  await seedPartners(container, SEED_PRODUCTS)
  await seedArchetype(container)

  if (opts.devAccounts) {
    const customerService = container.resolve("customerService")
    const [customer] = await customerService.list({ email: DEV_CUSTOMER.email, has_account: true })
    if (!customer) {
      await customerService.create({ email: DEV_CUSTOMER.email, password: DEV_CUSTOMER.password, first_name: "Ada", last_name: "Shopper" })
    }
  }
  await seedDigitalTwins(container, {
    pieces: SEED_PRODUCTS.filter((p) => p.twinTraits).map((p) => ({ handle: p.handle, traits: p.twinTraits! })),
    devCustomerEmail: opts.devAccounts ? DEV_CUSTOMER.email : null,
  })
  // Needs the dev customer; on a fresh local chain it also re-creates what the store holds.
  if (opts.devAccounts) await seedFractional(container, { devCustomerEmail: DEV_CUSTOMER.email })
  return { publishableKeys: keys, salesChannels: { com: channels.com.id, org: channels.org.id } }
}

async function seedCategories(container: any): Promise<Record<string, string>> {
  const categoryService = container.resolve("productCategoryService")
  const ids: Record<string, string> = {}
  const ensure = async (name: string, parentId: string | null) => {
    const handle = handleOf(name)
    const [[found]] = await categoryService.listAndCount({ handle }, { take: 1 })
    const category =
      found ?? (await categoryService.create({ name, handle, is_active: true, is_internal: false, parent_category_id: parentId }))
    ids[name] = category.id
    return category.id
  }
  for (const [parent, children] of Object.entries(CATEGORY_TREE)) {
    const parentId = await ensure(parent, null)
    for (const child of children) await ensure(child, parentId)
  }
  return ids
}

async function seedProducts(
  container: any,
  opts: { profileId: string; channels: Record<"com" | "org", any>; categoryIds: Record<string, string> }
) {
  const productService = container.resolve("productService")
  const variantService = container.resolve("productVariantService")
  const fileService: ProductFileService = container.resolve("fileService")
  for (const spec of SEED_PRODUCTS) {
    const [existing] = await productService.list({ handle: spec.handle }, { take: 1 })
    if (existing && !OLD_SEED_ILLUSTRATION.test(existing.thumbnail ?? "")) continue
    const image = await storeSeedImage(fileService, spec)
    if (existing) {
      await productService.update(existing.id, { thumbnail: image, images: [image] })
      continue
    }
    const product = await productService.create({
      title: spec.title,
      handle: spec.handle,
      description: spec.description,
      status: "published",
      profile_id: opts.profileId,
      thumbnail: image,
      images: [image],
      options: [{ title: "Edition" }],
      origin_country: spec.origin,
      material: spec.material,
      categories: spec.categories.map((name) => ({ id: requireCategory(opts.categoryIds, name) })),
      sales_channels: spec.channels.map((c) => ({ id: opts.channels[c].id })),
      metadata: productMetadata(spec),
    })
    await variantService.create(product.id, [
      {
        title: "Standard",
        sku: spec.sku,
        inventory_quantity: spec.stock,
        manage_inventory: true,
        allow_backorder: false,
        prices: [
          { currency_code: "usd", amount: spec.usd },
          { currency_code: "eur", amount: spec.eur },
        ],
        options: [{ option_id: product.options[0].id, value: "Standard" }],
      },
    ])
  }
}

/** Databases seeded before the seed's images were rasters point at SVGs under /static; those get the photo. */
const OLD_SEED_ILLUSTRATION = /\/static\/products\/[a-z0-9-]+\.svg$/

/**
 * The product's photo, stored as an admin's upload is (file service, responsive variants);
 * its address follows from its bytes, so seeding again finds it stored and stores nothing.
 */
async function storeSeedImage(fileService: ProductFileService, spec: SeedProduct): Promise<string> {
  const bytes = await seedImageBytes(spec)
  const { url } = await fileService.storeImageOnce(bytes, `the seed image of ${spec.handle}`, seedImageId(bytes))
  return url
}

/** Curated collections the storefront pages; membership follows the catalog spec. */
async function seedCollections(container: any) {
  const collectionService = container.resolve("productCollectionService")
  const productService = container.resolve("productService")
  const collections = [
    { title: "Pieces with a digital twin", handle: "digital-twins", members: SEED_PRODUCTS.filter((p) => p.digitalTwin) },
    { title: "From the Congo", handle: "from-the-congo", members: SEED_PRODUCTS.filter((p) => p.origin === "DRC" && !p.digitalTwin) },
  ]
  for (const spec of collections) {
    const [[found]] = await collectionService.listAndCount({ handle: spec.handle }, { take: 1 })
    const collection = found ?? (await collectionService.create({ title: spec.title, handle: spec.handle }))
    const products = await productService.list({ handle: spec.members.map((m) => m.handle) }, { select: ["id", "collection_id"] })
    const missing = products.filter((p: any) => p.collection_id !== collection.id).map((p: any) => p.id)
    if (missing.length) await collectionService.addProducts(collection.id, missing)
  }
}

function productMetadata(spec: SeedProduct) {
  return { origin: spec.origin, digital_twin: Boolean(spec.digitalTwin), ...(spec.twinTraits ? { twin_traits: traitList(spec.twinTraits) } : {}) }
}

function requireCategory(ids: Record<string, string>, name: string) {
  const id = ids[name]
  if (!id) throw new Error(`seed catalog names unknown category "${name}"`)
  return id
}

function writeStorefrontEnv(repoRoot: string, backendUrl: string, keys: Record<"com" | "org", string>) {
  for (const key of ["com", "org"] as const) {
    const dir = path.join(repoRoot, `storefront-${key}`)
    if (!fs.existsSync(dir)) continue
    fs.writeFileSync(
      path.join(dir, ".env.local"),
      `# Written by the medusa-server seed\nNEXT_PUBLIC_MEDUSA_BACKEND_URL=${backendUrl}\nNEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=${keys[key]}\n`
    )
  }
}

export async function runSeed(opts: { directory: string; writeStorefrontEnv?: boolean; bulkProducts?: number }) {
  const env = readServerEnv()
  const loaders = require("@medusajs/medusa/dist/loaders").default
  const { container } = await loaders({ directory: opts.directory, expressApp: express() })
  const result = await seedStore(container, { devAccounts: !env.isProduction })
  if (opts.bulkProducts) {
    const { seedBulkCatalog } = require("../seed/bulk-catalog")
    await seedBulkCatalog(container.resolve("configModule").projectConfig.database_url, opts.bulkProducts)
  }
  if (opts.writeStorefrontEnv) writeStorefrontEnv(path.resolve(opts.directory, ".."), env.backendUrl, result.publishableKeys)
  console.log(JSON.stringify({ seeded: true, ...result }))
  return result
}
