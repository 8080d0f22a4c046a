export default async function globalTeardown() {
  const state = (globalThis as any).__PVA_TEST__
  if (!state) return
  await state.server.stop()
  await state.db.drop()
}
