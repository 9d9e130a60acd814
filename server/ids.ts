// Random ids, codes and secrets (node:crypto), and how secrets are kept: only their SHA-256.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ALPHABET } from '../src/classroom/base32.ts';
import { JOIN_CODE_LENGTH } from '../src/live/protocol.ts';

/** `bytes` random bytes as base64url (16 bytes: 22 characters, 128 bits). */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** A session id: 128 random bits, 22 base64url characters (the room's id). */
export function newSessionId(): string {
  return randomToken(16);
}

/** A teacher secret: 256 random bits. */
export function newTeacherSecret(): string {
  return randomToken(32);
}

/** A join code: 8 Crockford base-32 symbols drawn uniformly (40 bits). */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What is stored of a secret or token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Whether `secret` is the one whose hash is `hash`, in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}
