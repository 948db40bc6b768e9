/**
 * Secrets at rest: AES-256-GCM with a key from the environment, a fresh 96-bit nonce per seal, and the
 * document's `_id` as associated data — a sealed value copied into another document does not open.
 * Format: `v1.` + base64(nonce ‖ tag ‖ ciphertext).
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1.";

export function seal(plaintext: string, key: Buffer, boundTo: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64");
}

/** Throws when the value was sealed with another key, for another document, or was altered. */
export function unseal(sealed: string, key: Buffer, boundTo: string): string {
  if (!sealed.startsWith(VERSION)) throw new Error("sealed value: unknown format");
  const raw = Buffer.from(sealed.slice(VERSION.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(boundTo, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
