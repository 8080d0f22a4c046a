// Decodes logs of one known event. viem's decodeEventLog hashes the event signature again on
// every call and reads each word through a generic cursor (about 20 µs a log, most of a
// backfill's own CPU at 50,000 logs); events whose arguments are all one-word static types
// (addresses, integers, bools, fixed bytes: every event of PVATwin and PVAShares) are read
// here word by word with viem's own rules. Anything else, or a log whose shape does not fit
// exactly, goes to decodeEventLog: the results are viem's, and so is what is refused.
// Args come out as JSON values, ready to store and to hand to consumers: integers wider
// than 48 bits (bigints in viem) as decimal strings.
// Hand-written on purpose, where a library would otherwise do: it measurably wins (~20 µs ->
// ~2 µs a log, docs/performance.md, `npm run bench`) and log-decoder.test.ts holds it to
// viem's results.
import { checksumAddress, decodeEventLog, type AbiEvent, type AbiParameter, type Hex } from "viem"

export type DecodedLog = { eventName: string; args: Record<string, unknown> }

/** viem's decoded values as JSON: bigints become decimal strings. */
export function plain(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString()
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  }
  return value
}

// The same few addresses recur in nearly every log; checksumming is a keccak hash each.
const checksums = new Map<string, string>()
function checksummed(hex40: string): string {
  let address = checksums.get(hex40)
  if (!address) {
    address = checksumAddress(`0x${hex40.toLowerCase()}`)
    if (checksums.size >= 10_000) checksums.clear()
    checksums.set(hex40, address)
  }
  return address
}
export type LogDecoder = (topics: readonly string[], data: string) => DecodedLog

const WORD = /^0x[0-9a-fA-F]{64}$/
const DATA = /^0x(?:[0-9a-fA-F]{64})*$/
const ZEROS_52 = "0".repeat(52)
const TWO_255 = 1n << 255n
const TWO_256 = 1n << 256n

/** Reads one 32-byte word (64 hex digits, no 0x) as `type`, exactly as viem's decodeAbiParameters. */
type WordReader = (word: string) => unknown

function wordReader(type: string): WordReader | undefined {
  if (type === "address") return (word) => checksummed(word.slice(24))
  if (type === "bool") {
    return (word) => {
      const value = BigInt(`0x${word}`)
      if (value > 1n) throw new Error(`bad bool 0x${word}`)
      return value === 1n
    }
  }
  const integer = /^(u?)int(\d*)$/.exec(type)
  if (integer) {
    const signed = integer[1] === ""
    const bits = Number(integer[2] || 256)
    if (bits < 8 || bits > 256 || bits % 8) return undefined
    return (word) => {
      // Most values (token ids, amounts, counts) fit 48 bits: read those without a BigInt.
      if (word.startsWith(ZEROS_52)) {
        const small = parseInt(word.slice(52), 16)
        return bits > 48 ? String(small) : small
      }
      let value = BigInt(`0x${word}`)
      if (signed && value >= TWO_255) value -= TWO_256
      if (bits > 48) return value.toString()
      // viem hands out numbers up to 48 bits, and refuses a word that does not fit one
      const number = Number(value)
      if (!Number.isSafeInteger(number)) throw new Error(`integer out of range 0x${word}`)
      return number
    }
  }
  const fixedBytes = /^bytes(\d+)$/.exec(type)
  if (fixedBytes) {
    const size = Number(fixedBytes[1])
    if (size < 1 || size > 32) return undefined
    return (word) => `0x${word.slice(0, size * 2).toLowerCase()}`
  }
  return undefined
}

/** Indexed strings, bytes, tuples and arrays are stored as their hash: viem returns the topic as is. */
function hashedTopic(param: AbiParameter): boolean {
  return param.type === "string" || param.type === "bytes" || param.type === "tuple" || /^(.*)\[(\d+)?\]$/.test(param.type)
}

export function compileLogDecoder(event: AbiEvent): LogDecoder {
  const viem: LogDecoder = (topics, data) => {
    const decoded = decodeEventLog({
      abi: [event],
      data: data as Hex,
      topics: topics as [Hex, ...Hex[]],
      strict: true,
    })
    return { eventName: decoded.eventName as string, args: plain(decoded.args ?? {}) as Record<string, unknown> }
  }
  const named = event.inputs.every((input) => !!input.name)
  const indexed = event.inputs.filter((input) => input.indexed)
  const inData = event.inputs.filter((input) => !input.indexed)
  const topicReaders = indexed.map((input) => (hashedTopic(input) ? (word: string) => `0x${word}` : wordReader(input.type)))
  const dataReaders = inData.map((input) => wordReader(input.type))
  if (event.anonymous || !named || topicReaders.some((r) => !r) || dataReaders.some((r) => !r)) return viem

  const dataLength = 2 + 64 * inData.length
  return (topics, data) => {
    if (topics.length !== indexed.length + 1 || data.length !== dataLength || !DATA.test(data)) return viem(topics, data)
    for (let i = 1; i < topics.length; i++) if (!WORD.test(topics[i])) return viem(topics, data)
    const args: Record<string, unknown> = {}
    for (let i = 0; i < indexed.length; i++) args[indexed[i].name!] = topicReaders[i]!(topics[i + 1].slice(2))
    for (let i = 0; i < inData.length; i++) args[inData[i].name!] = dataReaders[i]!(data.slice(2 + 64 * i, 66 + 64 * i))
    return { eventName: event.name, args }
  }
}
