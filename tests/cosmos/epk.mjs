// Effective partition keys (EPK), as the .NET SDK computes them for hash partitioning version 2
// and for hierarchical (MultiHash) keys. The SDK sends a query scoped to a prefix of a
// hierarchical key as an EPK range (x-ms-start-epk / x-ms-end-epk) instead of a partition key
// header, so the server must hash each document's key to know whether it is in range.
//
// V2 hash of one key: MurmurHash3 x64 128-bit (seed 0) over the binary form of its components
// (type byte, then the value: UTF-8 bytes and 0xFF for strings, a little-endian double for
// numbers), the 16 bytes in big-endian order with the two top bits cleared, as upper-case hex.
// A MultiHash key's EPK is the concatenation of the V2 hashes of each component on its own.

const MASK = (1n << 64n) - 1n;
const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;

const rotl = (x, r) => ((x << BigInt(r)) | (x >> BigInt(64 - r))) & MASK;

function fmix(k) {
  let x = k;
  x ^= x >> 33n;
  x = (x * 0xff51afd7ed558ccdn) & MASK;
  x ^= x >> 33n;
  x = (x * 0xc4ceb9fe1a85ec53n) & MASK;
  x ^= x >> 33n;
  return x;
}

function mixK1(k) {
  return (rotl((k * C1) & MASK, 31) * C2) & MASK;
}

function mixK2(k) {
  return (rotl((k * C2) & MASK, 33) * C1) & MASK;
}

export function murmur3x64128(buf) {
  let h1 = 0n;
  let h2 = 0n;
  const n = buf.length;
  const blocks = Math.floor(n / 16);
  for (let i = 0; i < blocks; i += 1) {
    h1 ^= mixK1(buf.readBigUInt64LE(i * 16));
    h1 = rotl(h1, 27);
    h1 = (h1 + h2) & MASK;
    h1 = (h1 * 5n + 0x52dce729n) & MASK;
    h2 ^= mixK2(buf.readBigUInt64LE(i * 16 + 8));
    h2 = rotl(h2, 31);
    h2 = (h2 + h1) & MASK;
    h2 = (h2 * 5n + 0x38495ab5n) & MASK;
  }
  const tail = buf.subarray(blocks * 16);
  let k1 = 0n;
  let k2 = 0n;
  for (let i = tail.length - 1; i >= 8; i -= 1) k2 ^= BigInt(tail[i]) << BigInt((i - 8) * 8);
  if (tail.length > 8) h2 ^= mixK2(k2);
  for (let i = Math.min(tail.length, 8) - 1; i >= 0; i -= 1) k1 ^= BigInt(tail[i]) << BigInt(i * 8);
  if (tail.length > 0) h1 ^= mixK1(k1);
  h1 ^= BigInt(n);
  h2 ^= BigInt(n);
  h1 = (h1 + h2) & MASK;
  h2 = (h2 + h1) & MASK;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) & MASK;
  h2 = (h2 + h1) & MASK;
  return [h1, h2];
}

function componentBytes(v) {
  if (v === undefined) return Buffer.from([0x00]);
  if (v === null) return Buffer.from([0x01]);
  if (v === false) return Buffer.from([0x02]);
  if (v === true) return Buffer.from([0x03]);
  if (typeof v === "number") {
    const b = Buffer.alloc(9);
    b[0] = 0x05;
    b.writeDoubleLE(v, 1);
    return b;
  }
  if (typeof v === "string") return Buffer.concat([Buffer.from([0x08]), Buffer.from(v, "utf8"), Buffer.from([0xff])]);
  return null; // objects and arrays are not valid partition key values
}

function v2Hash(bytes) {
  const [h1, h2] = murmur3x64128(bytes);
  const b = Buffer.alloc(16);
  b.writeBigUInt64LE(h1, 0);
  b.writeBigUInt64LE(h2, 8);
  b.reverse();
  b[0] &= 0x3f; // eslint-disable-line no-bitwise
  return b.toString("hex").toUpperCase();
}

// EPK of a document's key values (one per partition key path), or null when it cannot be
// computed (hash version 1, or values that are not valid key components).
export function effectivePartitionKey(values, definition) {
  const parts = values.map(componentBytes);
  if (parts.some((p) => p === null)) return null;
  const kind = String((definition && definition.kind) || "Hash");
  if (kind.toLowerCase() === "multihash") return parts.map(v2Hash).join("");
  const version = (definition && definition.version) || 1;
  if (version !== 2) return null;
  return v2Hash(Buffer.concat(parts));
}
