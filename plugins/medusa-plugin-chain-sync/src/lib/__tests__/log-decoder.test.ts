// The word-by-word decoder must give exactly what viem's decodeEventLog gives (as JSON values),
// and refuse what it refuses, for every event of the PVA contracts and the edge values of each type.
import { pvaSharesAbi, pvaTwinAbi } from "@pva/contracts"
import { decodeEventLog, encodeAbiParameters, parseAbi, toEventSelector, type AbiEvent, type Hex } from "viem"
import { compileLogDecoder, plain } from "../log-decoder"

const events = ([...pvaTwinAbi, ...pvaSharesAbi] as readonly { type: string }[]).filter((item) => item.type === "event") as AbiEvent[]
const synthetic = parseAbi([
  "event Signed(int8 indexed small, int256 big, int48 edge, int56 wide)",
  "event Unsigned(uint8 a, uint48 b, uint56 c, uint256 indexed d)",
  "event Flags(bool indexed on, bool off, bytes4 selector, bytes32 indexed hash)",
  "event Hashed(string indexed name, bytes indexed blob, uint256[] indexed list)",
  "event Mixed(address indexed who, string note, uint256 amount)",
  "event Unnamed(address indexed, uint256)",
])

/** A word with random bytes, or one of the values that sit on a type's edges. */
function word(rng: () => number): Hex {
  const edges = [
    "00".repeat(32),
    "00".repeat(31) + "01",
    "ff".repeat(32),
    "80" + "00".repeat(31),
    "00".repeat(26) + "ffffffffffff",
    "00".repeat(25) + "01" + "00".repeat(6),
    "00".repeat(12) + "70997970c51812dc3a010c7d01b50e0d17dc79c8",
    "ff".repeat(12) + "3C44CDDDB6A900FA2B585DD299E03D12FA4293BC",
  ]
  if (rng() < 0.5) return `0x${edges[Math.floor(rng() * edges.length)]}`
  let hex = ""
  for (let i = 0; i < 32; i++) hex += Math.floor(rng() * 256).toString(16).padStart(2, "0")
  return `0x${hex}`
}

function seeded(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
}

function outcome(run: () => { eventName?: string; args?: unknown }) {
  try {
    const { eventName, args } = run()
    return { eventName, args: args ?? {} }
  } catch {
    return "refused"
  }
}

function expectSameAsViem(event: AbiEvent, topics: Hex[], data: Hex) {
  const ours = outcome(() => compileLogDecoder(event)(topics, data))
  const viem = outcome(() => {
    const decoded = decodeEventLog({ abi: [event], topics: topics as [Hex, ...Hex[]], data, strict: true })
    return { eventName: decoded.eventName, args: plain(decoded.args) }
  })
  expect({ event: event.name, topics, data, result: ours }).toEqual({ event: event.name, topics, data, result: viem })
}

describe("log decoder", () => {
  it("decodes every event of PVATwin and PVAShares, and edge values of every static type, as viem does", () => {
    const rng = seeded(7)
    for (const event of [...events, ...synthetic] as AbiEvent[]) {
      const indexed = event.inputs.filter((i) => i.indexed).length
      const inData = event.inputs.filter((i) => !i.indexed)
      for (let n = 0; n < 200; n++) {
        const topics = [toEventSelector(event), ...Array.from({ length: indexed }, () => word(rng))]
        const staticData = inData.every((i) => !/\[|string|^bytes$/.test(i.type))
        const data: Hex = staticData
          ? `0x${inData.map(() => word(rng).slice(2)).join("")}`
          : encodeAbiParameters(inData, inData.map((i) => (i.type === "string" ? "a note" : i.type.endsWith("[]") ? [1n, 2n] : 5n)))
        expectSameAsViem(event, topics, data)
      }
    }
  })

  it("a missing topic, short or odd data or a non-hex word is refused or read exactly as viem does", () => {
    const transfer = events.find((e) => e.name === "Transfer")!
    const single = events.find((e) => e.name === "TransferSingle")!
    const selector = toEventSelector(transfer)
    const who = word(() => 0.9)
    expectSameAsViem(transfer, [selector, who, who], "0x")
    expectSameAsViem(transfer, [selector, who, who, who, who], "0x")
    expectSameAsViem(transfer, [selector, who, who, "0x1234"], "0x")
    expectSameAsViem(transfer, [selector, who, who, `0x${"zz".repeat(32)}`], "0x")
    expectSameAsViem(single, [toEventSelector(single), who, who, who], `0x${"00".repeat(32)}`)
    expectSameAsViem(single, [toEventSelector(single), who, who, who], `0x${"00".repeat(96)}`)
    expectSameAsViem(single, [toEventSelector(single), who, who, who], `0x${"00".repeat(63)}`)
  })

  it("an event without arguments decodes to empty args, not to nothing", () => {
    const domain = events.find((e) => e.name === "EIP712DomainChanged")!
    expect(compileLogDecoder(domain)([toEventSelector(domain)], "0x")).toEqual({ eventName: "EIP712DomainChanged", args: {} })
  })
})
