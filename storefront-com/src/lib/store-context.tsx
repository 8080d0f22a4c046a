"use client"

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react"
import { createMedusaClient, storefrontConfig, type MedusaClient } from "@pva/storefront-core"

// What this browser remembers. Customer data lives only here and in Medusa, never in
// a server cache, so one shopper's session can never be served to another.
const KEYS = { token: "pva_token", cart: "pva_cart", resultToken: "pva_result_token" }
export const REGION_COOKIE = "pva_region"

type Region = { id: string; name: string; currency_code: string; countries: Array<{ iso_2: string; display_name: string }> }

type StoreState = {
  ready: boolean
  client: MedusaClient
  token: string | null
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
  logout: () => void
  refreshCustomer: () => Promise<void>
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

export function StoreProvider({ children, regions, initialRegionId }: { children: React.ReactNode; regions: Region[]; initialRegionId: string }) {
  const config = useMemo(() => storefrontConfig({
    NEXT_PUBLIC_MEDUSA_BACKEND_URL: process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL,
    NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY,
  }), [])
  const [ready, setReady] = useState(false)
  const [token, setToken] = useState<string | null>(null)
  const [customer, setCustomer] = useState<any | null>(null)
  const [cart, setCart] = useState<any | null>(null)
  const [regionId, setRegionId] = useState(initialRegionId)
  const [resultToken, setResultTokenState] = useState<string | null>(null)
  const client = useMemo(() => createMedusaClient(config, { token }), [config, token])
  const region = regions.find((r) => r.id === regionId) ?? regions[0] ?? null

  const refreshCart = useCallback(async () => {
    const id = read(KEYS.cart)
    if (!id) return setCart(null), null
    try {
      const { cart } = await client.carts.retrieve(id)
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
  }, [client])

  const refreshCustomer = useCallback(async () => {
    if (!token) return setCustomer(null)
    try {
      setCustomer((await client.customers.retrieve()).customer)
    } catch {
      write(KEYS.token, null)
      setToken(null)
      setCustomer(null)
    }
  }, [client, token])

  useEffect(() => {
    setToken(read(KEYS.token))
    setResultTokenState(read(KEYS.resultToken))
    setReady(true)
  }, [])
  useEffect(() => {
    if (!ready) return
    refreshCart()
    refreshCustomer()
  }, [ready, refreshCart, refreshCustomer])

  const ensureCart = async () => {
    const existing = cart ?? (await refreshCart())
    if (existing) return existing
    const { cart: created } = await client.carts.create({ region_id: regionId } as any)
    write(KEYS.cart, created.id)
    return created
  }

  const state: StoreState = {
    ready,
    client,
    token,
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
      if (cart) setCart((await client.carts.update(cart.id, { region_id: id })).cart)
    },
    addItem: async (variantId, quantity) => {
      const c = await ensureCart()
      setCart((await client.carts.lineItems.create(c.id, { variant_id: variantId, quantity })).cart)
    },
    updateItem: async (lineId, quantity) => {
      if (!cart) return
      setCart((await client.carts.lineItems.update(cart.id, lineId, { quantity })).cart)
    },
    removeItem: async (lineId) => {
      if (!cart) return
      setCart((await client.carts.lineItems.delete(cart.id, lineId)).cart)
    },
    refreshCart,
    startNewCart: () => {
      write(KEYS.cart, null)
      setCart(null)
    },
    login: async (email, password) => {
      const { access_token } = await (client as any).auth.getToken({ email, password })
      await signedIn(access_token)
    },
    register: async (input) => {
      await client.customers.create(input)
      const { access_token } = await (client as any).auth.getToken({ email: input.email, password: input.password })
      await signedIn(access_token)
    },
    logout: () => {
      // A new session starts with a new cart: nothing of this customer's carries over.
      write(KEYS.token, null)
      write(KEYS.cart, null)
      setToken(null)
      setCustomer(null)
      setCart(null)
    },
    refreshCustomer,
  }

  async function signedIn(accessToken: string) {
    write(KEYS.token, accessToken)
    const signedClient = createMedusaClient(config, { token: accessToken })
    const pending = read(KEYS.resultToken)
    if (pending) {
      // The anonymous quiz result follows the shopper into their account.
      await signedClient.client.request("POST", "/store/archetype/results/attach", { result_token: pending }).catch(() => undefined)
      write(KEYS.resultToken, null)
      setResultTokenState(null)
    }
    const cartId = read(KEYS.cart)
    if (cartId) {
      const { customer } = await signedClient.customers.retrieve()
      await signedClient.carts.update(cartId, { customer_id: customer.id, email: customer.email } as any).catch(() => write(KEYS.cart, null))
    }
    setToken(accessToken)
  }

  return <StoreContext.Provider value={state}>{children}</StoreContext.Provider>
}
