export type AdminMethod = "GET" | "POST" | "DELETE"

/**
 * Calls the admin API (`/admin<path>`) on the origin Medusa Admin was served from, with the
 * admin's session cookie. A failed answer throws an Error carrying the server's message, so
 * a page can show what the server said.
 */
export async function adminApi<T = any>(method: AdminMethod, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/admin${path}`, {
    method,
    credentials: "include",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json: any = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(json.message || `Request failed with ${res.status}`)
  return json as T
}
