// Times jsonld.js canonicalization and the npm proof suites on a credential, for bench/README.md.
// Usage: node bench.mjs credential.json  (not used by the tests)
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {generateKeyPairSync, randomBytes} from 'node:crypto';
import jsonld from 'jsonld';
import * as vc from '@digitalbazaar/vc';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {Ed25519VerificationKey2020} from '@digitalbazaar/ed25519-verification-key-2020';
import credentialsContext from 'credentials-context';
import ed25519Context from 'ed25519-signature-2020-context';
import securityContext from 'security-context';

const require = createRequire(import.meta.url);
const jsigs = require('jsonld-signatures');
const {RSAKeyPair} = require('jsonld-signatures/node_modules/crypto-ld');

const credential = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const civitasContext = readFileSync(new URL('../../../src/Civitas.LinkedData/JsonLd/CivitasContext.cs', import.meta.url), 'utf8');
const civitasJson = civitasContext.slice(civitasContext.indexOf('"""') + 3, civitasContext.lastIndexOf('"""'));
const issuer = 'https://civitas.example/issuer';
const {publicKey, privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048,
  publicKeyEncoding: {type: 'spki', format: 'pem'}, privateKeyEncoding: {type: 'pkcs8', format: 'pem'}});
const rsaKey = new RSAKeyPair({id: issuer + '/keys/rsa', controller: issuer, publicKeyPem: publicKey, privateKeyPem: privateKey});
const edKey = await Ed25519VerificationKey2020.generate({seed: randomBytes(32), id: issuer + '/keys/ed', controller: issuer});

const docs = new Map([
  [credentialsContext.CONTEXT_URL_V1, credentialsContext.CONTEXT],
  [ed25519Context.CONTEXT_URL, ed25519Context.CONTEXT],
  ['https://civitas.example/credentials/v1', JSON.parse(civitasJson)],
  [issuer + '/keys/rsa', {'@context': 'https://w3id.org/security/v2', id: issuer + '/keys/rsa',
    type: 'RsaVerificationKey2018', controller: issuer, publicKeyPem: publicKey}],
  [issuer + '/keys/ed', await edKey.export({publicKey: true, includeContext: true})],
  [issuer, {'@context': 'https://w3id.org/security/v2', id: issuer, assertionMethod: [issuer + '/keys/rsa', issuer + '/keys/ed']}],
]);
for(const url of securityContext.contexts.keys()) {
  docs.set(url, securityContext.contexts.get(url));
}
const documentLoader = async url => {
  if(docs.has(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(docs.get(url))};
  }
  throw new Error(`offline loader: ${url}`);
};
const jsigsLoader = jsigs.extendContextLoader(documentLoader);

// CPU time (process.cpuUsage) and wall time per operation, best of three rounds, like the Civitas `--cpu` table.
async function time(name, iterations, fn) {
  for(let i = 0; i < Math.min(50, iterations); i++) {
    await fn();
  }
  let bestCpu = Infinity;
  let bestWall = Infinity;
  for(let round = 0; round < 3; round++) {
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    for(let i = 0; i < iterations; i++) {
      await fn();
    }
    const wall = Number(process.hrtime.bigint() - start) / 1e6 / iterations;
    const used = process.cpuUsage(cpu0);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000 / iterations);
    bestWall = Math.min(bestWall, wall);
  }
  console.log(`| ${name} | ${bestCpu.toFixed(3)} ms | ${bestWall.toFixed(3)} ms |`);
}

const canonOptions = {algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true, documentLoader};
const rsaSign = () => jsigs.sign(structuredClone(credential), {
  suite: new jsigs.suites.RsaSignature2018({key: rsaKey}), purpose: new jsigs.purposes.AssertionProofPurpose(),
  documentLoader: jsigsLoader, compactProof: false});
const rsaSigned = await rsaSign();
const edSign = () => vc.issue({credential: structuredClone(credential), suite: new Ed25519Signature2020({key: edKey}), documentLoader});
const edSigned = await edSign();

console.log('| jsonld.js / npm operation (Node ' + process.version + ') | CPU per op | wall per op |');
console.log('|---|---|---|');
await time('canonize (jsonld@9, RDFC-1.0, safe)', 300, () => jsonld.canonize(credential, canonOptions));
await time('RsaSignature2018 sign (jsonld-signatures@6)', 100, rsaSign);
await time('RsaSignature2018 verify (jsonld-signatures@6)', 100, async () => {
  const r = await jsigs.verify(rsaSigned, {suite: new jsigs.suites.RsaSignature2018(),
    purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: jsigsLoader, compactProof: false});
  if(!r.verified) throw new Error('rsa verify failed');
});
await time('Ed25519Signature2020 sign (@digitalbazaar/vc)', 100, edSign);
await time('Ed25519Signature2020 verify (@digitalbazaar/vc)', 100, async () => {
  const r = await vc.verifyCredential({credential: edSigned, suite: new Ed25519Signature2020(), documentLoader});
  if(!r.verified) throw new Error('ed verify failed');
});
