// A stable identity for any plain data: SHA-256 of its canonical JSON (keys sorted).
// These hashes are stored in players' saves, replays, links and class results: the output of
// both functions must never change (tests/hash-identity.test.ts holds them to it).
import { sha256 } from '@noble/hashes/sha2.js';
import stableStringify from 'fast-json-stable-stringify';

/** JSON with every object's keys sorted by UTF-16 code unit; `undefined` members left out. */
export function canonicalJson(value: unknown): string {
  return stableStringify(value) ?? 'null';
}

const utf8 = new TextEncoder();

/** A short, stable hash (first 16 hex digits of SHA-256) of a state, a scenario or a log. */
export function stableHash(value: unknown): string {
  const digest = sha256(utf8.encode(canonicalJson(value)));
  let hex = '';
  for (let i = 0; i < 8; i++) hex += (digest[i]! + 0x100).toString(16).slice(1);
  return hex;
}
