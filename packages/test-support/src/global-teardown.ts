/** Stops what a global setup left in `globalThis.__PVA_TEST__`: what serves first, then what it used. */
export default async function globalTeardown() {
  const state = (globalThis as any).__PVA_TEST__ as
    | { storefront?: Stoppable; server?: Stoppable; chain?: Stoppable; stripe?: { close: () => Promise<void> }; db?: { drop: () => Promise<void> } }
    | undefined
  if (!state) return
  await state.storefront?.stop()
  await state.server?.stop()
  await Promise.all([state.chain?.stop(), state.stripe?.close(), state.db?.drop()])
}

type Stoppable = { stop: () => Promise<void> }
