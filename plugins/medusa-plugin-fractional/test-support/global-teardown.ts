export default async function globalTeardown() {
  const state = (globalThis as any).__PVA_FRACTIONAL_TEST__
  if (!state) return
  await state.server.stop()
  await Promise.all([state.node.stop(), state.db.drop()])
}
