"use client"

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react"
import { unwrap, type MedusaClient, type StorefrontConfig } from "@pva/storefront-core"
import { createCart } from "@/lib/actions/checkout"
import { currentCustomer, login as loginAction, logout as logoutAction, register as registerAction } from "@/lib/actions/session"

// What this browser remembers: its cart id and an anonymous quiz result, neither of
// which identifies anyone. The customer's session lives only in an httpOnly cookie the
// server reads; page code learns who is signed in, never the token.
const KEYS = { cart: "pva_cart", resultToken: "pva_result_token" }
export const REGION_COOKIE = "pva_region"

type Region = { id: string; name: string; currency_code: string; countries: Array<{ iso_2: string; display_name: string }> }

type StoreState = {
  ready: boolean
  /**
   * Anonymous: the catalog and the cart's own steps. Customer calls are server actions.
   * medusa-js and axios (about a third of the shop's JavaScript) load on first use, not with
   * every page: a visit that never touches a cart or the search box never downloads them.
   */
  medusa: () => Promise<MedusaClient>
  /** An anonymous GET of a store route (search as you type, recommendations), without medusa-js. */
  storeGet: (path: string) => Promise<any>
  /** An anonymous POST of JSON to a store route (a product page's view), without medusa-js. */
  storePost: (path: string, body: Record<string, unknown>) => Promise<void>
  customer: any | null
  cart: any | null
  regions: Region[]
  region: Region | null
  resultToken: string | null
  setResultToken: (token: string | null) => void
  setRegion: (regionId: string) => Promise<void>
  addItem: (variantId: string, quantity: number) => Promise<void>
  updateItem: (lineId: string, quantity: number) => Promise<void>
  removeItem: (lineId: string) => Promise<void>
  refreshCart: () => Promise<any | null>
  startNewCart: () => void
  login: (email: string, password: string) => Promise<void>
  register: (input: { email: string; password: string; first_name: string; last_name: string }) => Promise<void>
  logout: () => Promise<void>
  refreshCustomer: () => Promise<void>
  setCustomer: (customer: any) => void
}
const StoreContext = createContext<StoreState | null>(null)

export function useStore(): StoreState {
  const ctx = useContext(StoreContext)
  if (!ctx) throw new Error("useStore must be used inside <StoreProvider>")
  return ctx
}

const read = (key: string) => (typeof window === "undefined" ? null : window.localStorage.getItem(key))
const write = (key: string, value: string | null) => (value === null ? window.localStorage.removeItem(key) : window.localStorage.setItem(key, value))

function regionCookie(regionId: string) {
  document.cookie = `${REGION_COOKIE}=${regionId}; path=/; max-age=31536000; samesite=lax`
}

/**
 * `config` comes from the server at request time (the layout's `browserConfig()`), not inlined
 * at build time: one build serves any Medusa server, and the browser gets the public URL only.
 */
type ProviderProps = { children: React.ReactNode; config: StorefrontConfig; regions: Region[]; initialRegionId: string; hasSession: boolean }

export function StoreProvider({ children, config, regions, initialRegionId, hasSession }: ProviderProps) {
  const [ready, setReady] = useState(false)
  const [customer, setCustomer] = useState<any | null>(null)
  const [cart, setCart] = useState<any | null>(null)
  const [regionId, setRegionId] = useState(initialRegionId)
  const [resultToken, setResultTokenState] = useState<string | null>(null)
  const medusa = useMemo(() => {
    let loading: Promise<MedusaClient> | null = null
    return () => (loading ??= import("@pva/storefront-core").then((core) => core.createMedusaClient(config)))
  }, [config.baseUrl, config.publishableKey]) // eslint-disable-line react-hooks/exhaustive-deps -- config is a new object each render; the client depends on these two fields
  const storeFetch = useCallback(async (path: string, post?: Record<string, unknown>) => {
    const res = await fetch(`${config.baseUrl}${path}`, {
      method: post ? "POST" : "GET",
      headers: { "x-publishable-api-key": config.publishableKey, ...(post ? { "content-type": "application/json" } : {}) },
      body: post ? JSON.stringify(post) : undefined,
    })
    if (!res.ok) throw new Error(`${path} answered ${res.status}`)
    return res
  }, [config.baseUrl, config.publishableKey])
  const storeGet = useCallback(async (path: string) => (await storeFetch(path)).json(), [storeFetch])
  const storePost = useCallback(async (path: string, body: Record<string, unknown>) => void (await storeFetch(path, body)), [storeFetch])
  const region = regions.find((r) => r.id === regionId) ?? regions[0] ?? null

  const refreshCart = useCallback(async () => {
    const id = read(KEYS.cart)
    if (!id) return setCart(null), null
    try {
      const { cart } = await medusa().then((client) => client.carts.retrieve(id))
      if (cart.completed_at) {
        write(KEYS.cart, null)
        setCart(null)
        return null
      }
      setCart(cart)
      return cart
    } catch {
      write(KEYS.cart, null)
      setCart(null)
      return null
    }
  }, [medusa])

  const refreshCustomer = useCallback(async () => {
    setCustomer(await currentCustomer().catch(() => null))
  }, [])

  useEffect(() => {
    // Legacy sessions kept the JWT in localStorage; it must not outlive this release.
    window.localStorage.removeItem("pva_token")
    setResultTokenState(read(KEYS.resultToken))
    Promise.all([refreshCart(), hasSession ? refreshCustomer() : null]).finally(() => setReady(true))
  }, []) // eslint-disable-line react-hooks/exhaustive-deps -- restores this browser's cart and session once, on mount

  const ensureCart = async () => {
    const existing = cart ?? (await refreshCart())
    if (existing) return existing
    const created = unwrap(await createCart(regionId))
    write(KEYS.cart, created.id)
    return created
  }

  const afterSignIn = (signedIn: any) => {
    write(KEYS.resultToken, null)
    setResultTokenState(null)
    setCustomer(signedIn)
    return refreshCart().then(() => undefined)
  }
  const carry = () => ({ cartId: read(KEYS.cart), resultToken: read(KEYS.resultToken) })

  const state: StoreState = {
    ready,
    medusa,
    storeGet,
    storePost,
    customer,
    cart,
    regions,
    region,
    resultToken,
    setResultToken: (t) => {
      write(KEYS.resultToken, t)
      setResultTokenState(t)
    },
    setRegion: async (id) => {
      regionCookie(id)
      setRegionId(id)
      if (cart) setCart((await medusa().then((client) => client.carts.update(cart.id, { region_id: id }))).cart)
    },
    addItem: async (variantId, quantity) => {
      const c = await ensureCart()
      setCart((await medusa().then((client) => client.carts.lineItems.create(c.id, { variant_id: variantId, quantity }))).cart)
    },
    updateItem: async (lineId, quantity) => {
      if (!cart) return
      setCart((await medusa().then((client) => client.carts.lineItems.update(cart.id, lineId, { quantity }))).cart)
    },
    removeItem: async (lineId) => {
      if (!cart) return
      setCart((await medusa().then((client) => client.carts.lineItems.delete(cart.id, lineId))).cart)
    },
    refreshCart,
    startNewCart: () => {
      write(KEYS.cart, null)
      setCart(null)
    },
    login: async (email, password) => afterSignIn(unwrap(await loginAction(email, password, carry()))),
    register: async (input) => afterSignIn(unwrap(await registerAction(input, carry()))),
    logout: async () => {
      // A new session starts with a new cart: nothing of this customer's carries over.
      write(KEYS.cart, null)
      setCart(null)
      await logoutAction()
      setCustomer(null)
    },
    refreshCustomer,
    setCustomer,
  }

  return <StoreContext.Provider value={state}>{children}</StoreContext.Provider>
}
