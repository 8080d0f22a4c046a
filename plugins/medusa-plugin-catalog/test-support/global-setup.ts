import { freePort } from "@pva/test-support/database"
import serverGlobalSetup from "@pva/test-support/global-setup"

export const REVALIDATE_SECRET = "catalog-test-revalidate-secret"

/**
 * The shared seeded server, told to revalidate a storefront at a port the tests
 * listen on, so they see exactly which cache tags a change drops.
 */
export default async function globalSetup() {
  const port = await freePort()
  process.env.PVA_TEST_REVALIDATE_PORT = String(port)
  process.env.STOREFRONT_REVALIDATE_URLS = `http://127.0.0.1:${port}/api/revalidate`
  process.env.REVALIDATE_SECRET = REVALIDATE_SECRET
  await serverGlobalSetup()
}
