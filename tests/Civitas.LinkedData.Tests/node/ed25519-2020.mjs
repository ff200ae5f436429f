// Independent Ed25519Signature2020 issuer/verifier: @digitalbazaar/vc with @digitalbazaar/ed25519-signature-2020.
// Usage: node ed25519-2020.mjs sign|verify < request.json ; prints a JSON result on stdout.
// request: {credential, keyId, controller, seedHex, created?, extraContexts?: {url: json}}
import * as vc from '@digitalbazaar/vc';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {Ed25519VerificationKey2020} from '@digitalbazaar/ed25519-verification-key-2020';
import credentialsContext from 'credentials-context';
import ed25519Context from 'ed25519-signature-2020-context';
import securityContext from 'security-context';

async function readStdin() {
  let data = '';
  for await (const chunk of process.stdin) {
    data += chunk;
  }
  return JSON.parse(data);
}

async function main() {
  const command = process.argv[2];
  const req = await readStdin();
  const key = await Ed25519VerificationKey2020.generate({
    seed: Uint8Array.from(Buffer.from(req.seedHex, 'hex')),
    id: req.keyId,
    controller: req.controller
  });
  const docs = new Map();
  docs.set(credentialsContext.CONTEXT_URL_V1, credentialsContext.CONTEXT);
  docs.set(ed25519Context.CONTEXT_URL, ed25519Context.CONTEXT);
  for(const url of securityContext.contexts.keys()) {
    docs.set(url, securityContext.contexts.get(url));
  }
  for(const [url, json] of Object.entries(req.extraContexts || {})) {
    docs.set(url, JSON.parse(json));
  }
  docs.set(req.keyId, await key.export({publicKey: true, includeContext: true}));
  docs.set(req.controller, {
    '@context': 'https://w3id.org/security/v2',
    id: req.controller,
    assertionMethod: [req.keyId]
  });
  // Offline: anything not listed fails, as Civitas's loader does.
  const documentLoader = async url => {
    if(docs.has(url)) {
      return {contextUrl: null, documentUrl: url, document: structuredClone(docs.get(url))};
    }
    throw new Error(`offline loader: ${url} not available`);
  };

  if(command === 'sign') {
    const suite = new Ed25519Signature2020({key, date: req.created});
    const signed = await vc.issue({credential: req.credential, suite, documentLoader});
    return {signed, publicKeyMultibase: key.publicKeyMultibase};
  }
  if(command === 'verify') {
    const result = await vc.verifyCredential({
      credential: req.credential, suite: new Ed25519Signature2020(), documentLoader
    });
    const errors = [];
    if(result.error) {
      for(const e of result.error.errors || [result.error]) {
        errors.push(String(e.message || e));
      }
    }
    for(const r of result.results || []) {
      if(r.error) {
        errors.push(String(r.error.message || r.error));
      }
    }
    return {verified: result.verified, error: errors.join('; ') || null, publicKeyMultibase: key.publicKeyMultibase};
  }
  throw new Error('usage: ed25519-2020.mjs sign|verify');
}

main().then(
  r => process.stdout.write(JSON.stringify(r)),
  e => process.stdout.write(JSON.stringify({verified: false, error: String(e && e.message || e)})));
