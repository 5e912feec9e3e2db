// An outside verifier, as a wallet or a board's system would check an Accrue credential: jose checks the
// VC-JWT signature against the published JWKS, ajv validates the payload against 1EdTech's published
// OB 3.0 AchievementCredential JSON schema, and the status list is decoded as the Bitstring Status List
// specification says. Prints one JSON line with what it found.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createLocalJWKSet, jwtVerify } from 'jose';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const [credentialFile, jwksFile, statusFile, schemaFile] = process.argv.slice(2);
const jwks = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
const { payload, protectedHeader } = await jwtVerify(readFileSync(credentialFile, 'utf8').trim(), jwks,
  { typ: 'vc+jwt' });
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
const schemaValid = validate(payload);
const status = await jwtVerify(readFileSync(statusFile, 'utf8').trim(), jwks, { typ: 'vc+jwt' });
const encoded = status.payload.credentialSubject.encodedList;
if (!encoded.startsWith('u')) throw new Error('encodedList is not multibase base64url: ' + encoded.slice(0, 8));
const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
const index = Number(payload.credentialStatus.statusListIndex);
const revoked = ((bits[Math.floor(index / 8)] >> (7 - (index % 8))) & 1) === 1;
console.log(JSON.stringify({
  kid: protectedHeader.kid, schemaValid, errors: validate.errors, revoked, listBits: bits.length * 8,
  context: payload['@context'], statusListCredential: payload.credentialStatus.statusListCredential,
  statusListId: status.payload.id,
}));
