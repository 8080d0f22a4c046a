export default async function globalTeardown() {
  const e2e = (globalThis as any).__pvaOrgE2E
  if (!e2e) return
  e2e.site?.stop()
  e2e.shop?.stop()
  await e2e.medusa?.stop()
  await e2e.node?.stop()
  await e2e.db?.drop()
}
