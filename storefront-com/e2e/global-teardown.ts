export default async function globalTeardown() {
  const e2e = (globalThis as any).__pvaE2E
  if (!e2e) return
  e2e.shop?.stop()
  await e2e.medusa?.stop()
  await e2e.db?.drop()
}
