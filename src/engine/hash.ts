// A stable identity for any plain data: SHA-256 of its canonical JSON (keys sorted).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { stringify } from 'safe-stable-stringify';

export function canonicalJson(value: unknown): string {
  return stringify(value) ?? 'null';
}

/** A short, stable hash (first 16 hex digits of SHA-256) of a state, a scenario or a log. */
export function stableHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value)))).slice(0, 16);
}
