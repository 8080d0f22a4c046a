import dns from "dns"
import net from "net"

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

const V4_BLOCKS: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local/metadata"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
]

const V6_BLOCKS: Array<[string, number, string]> = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["fc00::", 7, "unique local (includes fd00:ec2::254 metadata)"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "site-local"],
  ["ff00::", 8, "multicast"],
  ["2001:db8::", 32, "documentation"],
  ["100::", 64, "discard"],
]

function v4ToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0)
}

function v6ToBigInt(ip: string): bigint {
  let text = ip.toLowerCase()
  const lastColon = text.lastIndexOf(":")
  if (text.slice(lastColon + 1).includes(".")) {
    // dotted tail (::ffff:1.2.3.4): turn into two hex groups
    const n = v4ToInt(text.slice(lastColon + 1))
    text = `${text.slice(0, lastColon + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined]
  const headGroups = head ? head.split(":") : []
  const tailGroups = tail ? tail.split(":") : []
  const missing = 8 - headGroups.length - tailGroups.length
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(missing).fill("0"), ...tailGroups]
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || "0", 16)), 0n)
}

function inV4(ip: string, base: string, bits: number): boolean {
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0
  return ((v4ToInt(ip) & mask) >>> 0) === ((v4ToInt(base) & mask) >>> 0)
}

function inV6(value: bigint, base: string, bits: number): boolean {
  const shift = BigInt(128 - bits)
  return value >> shift === v6ToBigInt(base) >> shift
}

/** Why an address must not be contacted, or null when it is a public address. */
export function blockedReason(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, "").split("%")[0]
  if (net.isIPv4(ip)) {
    const hit = V4_BLOCKS.find(([base, bits]) => inV4(ip, base, bits))
    return hit ? `${ip} is a ${hit[2]} address` : ip === "255.255.255.255" ? `${ip} is broadcast` : null
  }
  if (net.isIPv6(ip)) {
    const value = v6ToBigInt(ip)
    const embedded = embeddedV4(value)
    if (embedded) {
      const reason = blockedReason(embedded)
      return reason ? `${ip} maps to ${reason}` : null
    }
    const hit = V6_BLOCKS.find(([base, bits]) => inV6(value, base, bits))
    return hit ? `${ip} is a ${hit[2]} address` : null
  }
  return `${address} is not an IP address`
}

/** IPv4 carried inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96). */
function embeddedV4(value: bigint): string | null {
  const low = Number(value & 0xffffffffn)
  const high = value >> 32n
  const asV4 = () => [low >>> 24, (low >>> 16) & 255, (low >>> 8) & 255, low & 255].join(".")
  if (high === 0xffffn) return asV4()
  if (high === 0n && low > 1) return asV4()
  if (value >> 32n === v6ToBigInt("64:ff9b::") >> 32n) return asV4()
  return null
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
