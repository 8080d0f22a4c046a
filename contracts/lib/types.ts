/** 0x-prefixed hex string (structurally the same as viem's `Hex`). */
export type Hex = `0x${string}`;
/** 0x-prefixed 20-byte address (structurally the same as viem's `Address`). */
export type Address = `0x${string}`;
