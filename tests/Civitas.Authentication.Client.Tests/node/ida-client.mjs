// An ID authentication client written from the wire reference with Node's built-in crypto only (no npm
// packages, nothing from Civitas): it checks that the server speaks the documented format, not merely the one
// the C# SDK happens to produce. It authenticates a resident by name (/auth), then asks for eKYC (/kyc), verifies
// each response-signature with the certificate in its x5c, decrypts the eKYC identity and prints one JSON object.
//
// node ida-client.mjs --base-url URL --license-key LK --partner-id ID --api-key KEY \
//   --partner-key key.pem --partner-cert cert.pem --ida-cert ida.pem --uin UIN --name "Full Name" \
//   [--lang eng] [--attributes fullName,email]
import { createCipheriv, createDecipheriv, createHash, privateDecrypt, publicEncrypt, randomBytes, randomInt,
  sign, verify, constants, X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    'base-url': { type: 'string' }, 'license-key': { type: 'string' }, 'partner-id': { type: 'string' },
    'api-key': { type: 'string' }, 'partner-key': { type: 'string' }, 'partner-cert': { type: 'string' },
    'ida-cert': { type: 'string' }, uin: { type: 'string' }, name: { type: 'string' },
    lang: { type: 'string', default: 'eng' }, attributes: { type: 'string', default: 'fullName' },
  },
});
for (const required of ['base-url', 'license-key', 'partner-id', 'api-key', 'partner-key', 'partner-cert', 'ida-cert', 'uin', 'name']) {
  if (!args[required]) {
    console.error(`ida-client: --${required} is required`);
    process.exit(2);
  }
}

const partnerKey = createPrivateKey(readFileSync(args['partner-key']));
const partnerCert = new X509Certificate(readFileSync(args['partner-cert']));
const idaCert = new X509Certificate(readFileSync(args['ida-cert']));
const NONCE = 16; // REFERENCE 7: AES-GCM output followed by a 16-byte nonce
const TAG = 16;

// AES-256-GCM(data) ‖ nonce, no AAD.
function sealAppendedNonce(key, data) {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
  return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag(), nonce]);
}

function openAppendedNonce(key, data) {
  const nonce = data.subarray(data.length - NONCE);
  const tag = data.subarray(data.length - NONCE - TAG, data.length - NONCE);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data.subarray(0, data.length - NONCE - TAG)), decipher.final()]);
}

const oaep = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };
const sha256 = (data) => createHash('sha256').update(data).digest();
const b64url = (data) => Buffer.from(data).toString('base64url');

function body(id, extra) {
  const requestTime = new Date().toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ, UTC
  const inner = Buffer.from(JSON.stringify({
    timestamp: requestTime,
    demographics: { name: [{ language: args.lang, value: args.name }] },
  }));
  const key = randomBytes(32);
  const hmacInput = Buffer.from(sha256(inner).toString('hex').toUpperCase(), 'ascii');
  return Buffer.from(JSON.stringify({
    id, version: '1.0', individualId: args.uin, individualIdType: 'UIN',
    transactionID: String(randomInt(0, 10_000_000_000)).padStart(10, '0'),
    requestTime, specVersion: '1.0',
    thumbprint: sha256(idaCert.raw).toString('hex').toUpperCase(),
    domainUri: args['base-url'], env: 'Production', consentObtained: true,
    requestSessionKey: b64url(publicEncrypt({ key: idaCert.publicKey, ...oaep }, key)),
    requestHMAC: b64url(sealAppendedNonce(key, hmacInput)),
    request: b64url(sealAppendedNonce(key, inner)),
    metadata: {},
    ...extra,
  }));
}

// Detached JWS, RS256, partner certificate in x5c, over the exact body bytes.
function signDetached(bytes) {
  const header = b64url(JSON.stringify({ alg: 'RS256', x5c: [partnerCert.raw.toString('base64')] }));
  const signature = sign('sha256', Buffer.from(`${header}.${b64url(bytes)}`), partnerKey);
  return `${header}..${b64url(signature)}`;
}

function verifyDetached(jws, bytes) {
  try {
    const [header, payload, signature] = (jws ?? '').split('.');
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    if (parsed.alg !== 'RS256' || !Array.isArray(parsed.x5c) || (payload !== '' && payload !== b64url(bytes))) {
      return { valid: false };
    }
    const signer = new X509Certificate(Buffer.from(parsed.x5c[0], 'base64'));
    const valid = verify('sha256', Buffer.from(`${header}.${b64url(bytes)}`), signer.publicKey, Buffer.from(signature, 'base64url'));
    return { valid, signer: signer.subject };
  } catch {
    return { valid: false };
  }
}

async function call(route, id, extra) {
  const bytes = body(id, extra);
  const url = `${args['base-url'].replace(/\/+$/, '')}/idauthentication/v1/${route}/${encodeURIComponent(args['license-key'])}/${encodeURIComponent(args['partner-id'])}/${encodeURIComponent(args['api-key'])}`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', signature: signDetached(bytes) }, body: bytes });
  const raw = Buffer.from(await response.arrayBuffer());
  const check = verifyDetached(response.headers.get('response-signature'), raw);
  const answer = JSON.parse(raw.toString('utf8'));
  return { httpStatus: response.status, signatureValid: check.valid, signer: check.signer ?? null, errors: answer.errors ?? [], response: answer.response ?? null };
}

const auth = await call('auth', 'mosip.identity.auth', {});
const kyc = await call('kyc', 'mosip.identity.kyc', { allowedKycAttributes: args.attributes.split(',') });
let identity = null;
let identityError = null;
if (kyc.response?.identity && kyc.response?.sessionKey) {
  try {
    if (kyc.response.thumbprint && kyc.response.thumbprint.toUpperCase() !== sha256(partnerCert.raw).toString('hex').toUpperCase()) {
      throw new Error('eKYC identity was encrypted to another certificate');
    }
    const key = privateDecrypt({ key: partnerKey, ...oaep }, Buffer.from(kyc.response.sessionKey, 'base64url'));
    identity = JSON.parse(openAppendedNonce(key, Buffer.from(kyc.response.identity, 'base64url')).toString('utf8'));
  } catch (error) {
    identityError = String(error.message ?? error);
  }
}

console.log(JSON.stringify({
  auth: { httpStatus: auth.httpStatus, signatureValid: auth.signatureValid, signer: auth.signer, authStatus: auth.response?.authStatus ?? null, authToken: auth.response?.authToken ?? null, errors: auth.errors },
  kyc: { httpStatus: kyc.httpStatus, signatureValid: kyc.signatureValid, kycStatus: kyc.response?.kycStatus ?? null, authToken: kyc.response?.authToken ?? null, errors: kyc.errors, identity, identityError },
}));
