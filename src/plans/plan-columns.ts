/** Packs plan columns into Buffers for storage and back (little-endian, as Node's typed arrays on every supported platform). */

export function packColumn(values: Float64Array | Uint32Array | Uint8Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** The bytes of a stored binary field: a Buffer, a BSON Binary (lean reads) or a Uint8Array. */
export function bytesOf(stored: unknown): Uint8Array {
  if (stored instanceof Uint8Array) return stored;
  const b = stored as { buffer?: unknown; value?: () => unknown } | null;
  if (b && b.buffer instanceof Uint8Array) return b.buffer;
  if (b && typeof b.value === "function") {
    const v = b.value();
    if (v instanceof Uint8Array) return v;
  }
  throw new Error("not a binary value");
}

/** Copies into a fresh, aligned buffer (stored bytes may start at any offset). */
function aligned(stored: unknown): ArrayBuffer {
  const bytes = bytesOf(stored);
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

export const unpackFloat64 = (stored: unknown) => new Float64Array(aligned(stored));
export const unpackUint32 = (stored: unknown) => new Uint32Array(aligned(stored));
export const unpackUint8 = (stored: unknown) => new Uint8Array(aligned(stored));
