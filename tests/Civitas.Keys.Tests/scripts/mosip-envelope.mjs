// An independent MOSIP crypto-manager encoder/decoder written from REFERENCE.md §3 with Node's own
// crypto (OpenSSL underneath, GCM with any IV length). No npm packages: run as `node mosip-envelope.mjs`,
// one JSON request on stdin, one JSON answer on stdout.
import { createCipheriv, createDecipheriv, createHash, publicEncrypt, privateDecrypt, randomBytes, X509Certificate, constants } from 'node:crypto';

const SPLITTER = Buffer.from('#KEY_SPLITTER#', 'utf8');
const VERSION = Buffer.from('VER_R2', 'ascii');

function gcmEncrypt(key, iv, plaintext, aad) {
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  if (aad && aad.length) cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function gcmDecrypt(key, iv, data, aad) {
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  if (aad && aad.length) decipher.setAAD(aad);
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
}

function encrypt({ certificatePem, data, salt, aad }) {
  const certificate = new X509Certificate(certificatePem);
  const plaintext = Buffer.from(data, 'base64');
  const saltBytes = salt ? Buffer.from(salt, 'base64') : null;
  const aadBytes = aad ? Buffer.from(aad, 'base64') : null;
  const key = randomBytes(32);
  let dataPart;
  let header = Buffer.alloc(0);
  if (saltBytes && saltBytes.length) {
    dataPart = gcmEncrypt(key, saltBytes, plaintext, aadBytes);
  } else if (aadBytes && aadBytes.length) {
    const nonce = randomBytes(16);
    dataPart = Buffer.concat([gcmEncrypt(key, nonce, plaintext, aadBytes), nonce]);
  } else {
    const generated = randomBytes(32);
    dataPart = Buffer.concat([generated, gcmEncrypt(key, generated.subarray(0, 12), plaintext, generated)]);
    header = VERSION;
  }
  const encryptedKey = publicEncrypt({ key: certificate.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key);
  const thumbprint = createHash('sha256').update(certificate.raw).digest();
  return { data: Buffer.concat([header, thumbprint, encryptedKey, SPLITTER, dataPart]).toString('base64url') };
}

function decrypt({ privateKeyPem, data, salt, aad }) {
  const combined = Buffer.from(data, 'base64url');
  const split = combined.indexOf(SPLITTER);
  if (split < 0) throw new Error('no key splitter');
  let keyPart = combined.subarray(0, split);
  const dataPart = combined.subarray(split + SPLITTER.length);
  const versioned = keyPart.subarray(0, VERSION.length).equals(VERSION);
  if (versioned) keyPart = keyPart.subarray(VERSION.length);
  const thumbprint = keyPart.length === 288 ? keyPart.subarray(0, 32) : null;
  const encryptedKey = thumbprint ? keyPart.subarray(32) : keyPart;
  const key = privateDecrypt({ key: privateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, encryptedKey);
  const saltBytes = salt ? Buffer.from(salt, 'base64') : null;
  const aadBytes = aad ? Buffer.from(aad, 'base64') : null;
  let plaintext;
  if (saltBytes && saltBytes.length) {
    plaintext = gcmDecrypt(key, saltBytes, dataPart, aadBytes);
  } else if (versioned && !(aadBytes && aadBytes.length)) {
    const generated = dataPart.subarray(0, 32);
    plaintext = gcmDecrypt(key, generated.subarray(0, 12), dataPart.subarray(32), generated);
  } else {
    const nonce = dataPart.subarray(dataPart.length - 16);
    plaintext = gcmDecrypt(key, nonce, dataPart.subarray(0, dataPart.length - 16), aadBytes);
  }
  return { data: plaintext.toString('base64'), versioned, thumbprint: thumbprint ? thumbprint.toString('hex') : null };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const answer = request.operation === 'encrypt' ? encrypt(request) : decrypt(request);
  process.stdout.write(JSON.stringify(answer));
});
