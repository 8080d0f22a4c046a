import dns from "dns"
import net from "net"
import ipaddr from "ipaddr.js"

/**
 * Outbound URLs chosen by partners (webhook endpoints, inventory feeds) must not
 * reach into our own network. Every address a host resolves to is checked, on
 * save and again at connect time (so DNS rebinding cannot slip past the save
 * check). Named hosts on an explicit allow-list (dev/test only) are exempt.
 */
export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "UnsafeUrlError"
  }
}

/**
 * Only globally routable unicast may be contacted. ipaddr.js knows the special-purpose
 * registries (private, loopback, link-local, CGNAT, reserved, documentation, multicast,
 * unique local, and the IPv6 forms that carry an IPv4 address: mapped, NAT64 64:ff9b::/96
 * and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32), so no hand-kept list goes stale.
 */
const PUBLIC_RANGE = "unicast"

/** Why an address must not be contacted, or null when it is a public address. */
export function blockedReason(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, "").split("%")[0]
  if (!ipaddr.isValid(ip) || !net.isIP(ip)) return `${address} is not an IP address`
  const parsed = ipaddr.parse(ip)
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6
    // ::ffff:a.b.c.d reaches the IPv4 host itself: judge (and name) that host.
    if (v6.isIPv4MappedAddress()) {
      const reason = blockedReason(v6.toIPv4Address().toString())
      return reason ? `${ip} maps to ${reason}` : null
    }
    // The deprecated IPv4-compatible form ::a.b.c.d, which no registry lists any more.
    const parts = v6.parts
    if (parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7] > 1)) {
      return `${ip} is an IPv4-compatible address`
    }
  }
  const range = parsed.range()
  return range === PUBLIC_RANGE ? null : `${ip} is a ${range} address`
}

export type GuardOptions = { allowedHosts: string[] }

function isAllowed(hostname: string, opts: GuardOptions): boolean {
  return opts.allowedHosts.includes(hostname.toLowerCase())
}

/**
 * Parses and checks a partner-supplied URL: http(s) only, no credentials, and
 * every address the host resolves to must be public. Returns the parsed URL.
 */
export async function assertSafeUrl(raw: string, opts: GuardOptions): Promise<URL> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new UnsafeUrlError(`"${raw}" is not a valid URL`)
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UnsafeUrlError(`URL must use http or https, not ${url.protocol.replace(":", "")}`)
  }
  if (url.username || url.password) throw new UnsafeUrlError("URL must not carry credentials")
  // The WHATWG parser has already normalised decimal, octal and hex IPv4 forms.
  const host = url.hostname.replace(/^\[|\]$/g, "")
  if (isAllowed(host, opts)) return url
  const addresses = net.isIP(host) ? [host] : await resolveAll(host)
  for (const address of addresses) {
    const reason = blockedReason(address)
    if (reason) throw new UnsafeUrlError(`URL host ${url.hostname} is not allowed: ${reason}`)
  }
  return url
}

async function resolveAll(host: string): Promise<string[]> {
  try {
    const results = await dns.promises.lookup(host, { all: true, verbatim: true })
    if (!results.length) throw new Error("no addresses")
    return results.map((r) => r.address)
  } catch (err: any) {
    throw new UnsafeUrlError(`URL host ${host} cannot be resolved (${err.code || err.message})`)
  }
}

/**
 * A `lookup` for http.request that refuses blocked addresses at connect time,
 * so the address checked is the address connected to.
 */
export function guardedLookup(opts: GuardOptions): net.LookupFunction {
  return ((hostname: string, options: any, callback: any) => {
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses: any) => {
      if (err) return callback(err)
      const list: dns.LookupAddress[] = Array.isArray(addresses) ? addresses : [{ address: addresses, family: 4 }]
      if (!isAllowed(hostname, opts)) {
        for (const { address } of list) {
          const reason = blockedReason(address)
          if (reason) return callback(new UnsafeUrlError(`refused to connect to ${hostname}: ${reason}`))
        }
      }
      if (options?.all) return callback(null, list)
      callback(null, list[0].address, list[0].family)
    })
  }) as net.LookupFunction
}
