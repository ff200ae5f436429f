// Independent Data Integrity eddsa-rdfc-2022 issuer/verifier: @digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite.
// Usage: node eddsa-rdfc-2022.mjs sign|verify|context < request.json ; prints a JSON result on stdout.
// request: {credential, keyId, controller, seedHex, created?, extraContexts?: {url: json}}
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import credentialsContext from 'credentials-context';
import securityContext from 'security-context';

async function readStdin() {
  let data = '';
  for await (const chunk of process.stdin) {
    data += chunk;
  }
  return data ? JSON.parse(data) : {};
}

async function main() {
  const command = process.argv[2];
  const req = await readStdin();
  if(command === 'context') {
    // The Data Integrity v2 context, which Civitas does not embed: tests hand it to Civitas's loader.
    const url = dataIntegrityContext.constants.DATA_INTEGRITY_CONTEXT_V2_URL;
    return {url, json: JSON.stringify(dataIntegrityContext.contexts.get(url))};
  }
  const keyPair = await Ed25519Multikey.generate({
    seed: Uint8Array.from(Buffer.from(req.seedHex, 'hex')),
    id: req.keyId,
    controller: req.controller
  });
  const docs = new Map();
  docs.set(credentialsContext.CONTEXT_URL_V1, credentialsContext.CONTEXT);
  for(const [url, ctx] of dataIntegrityContext.contexts) {
    docs.set(url, ctx);
  }
  for(const url of securityContext.contexts.keys()) {
    docs.set(url, securityContext.contexts.get(url));
  }
  for(const [url, json] of Object.entries(req.extraContexts || {})) {
    docs.set(url, JSON.parse(json));
  }
  docs.set(req.keyId, await keyPair.export({publicKey: true, includeContext: true}));
  docs.set(req.controller, {
    '@context': 'https://w3id.org/security/v2',
    id: req.controller,
    assertionMethod: [req.keyId]
  });
  const documentLoader = async url => {
    if(docs.has(url)) {
      return {contextUrl: null, documentUrl: url, document: structuredClone(docs.get(url))};
    }
    throw new Error(`offline loader: ${url} not available`);
  };

  if(command === 'sign') {
    const suite = new DataIntegrityProof({signer: keyPair.signer(), date: req.created, cryptosuite: eddsaRdfc2022});
    const signed = await vc.issue({credential: req.credential, suite, documentLoader});
    return {signed, publicKeyMultibase: keyPair.publicKeyMultibase};
  }
  if(command === 'verify') {
    const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
    const result = await vc.verifyCredential({credential: req.credential, suite, documentLoader});
    const errors = [];
    if(result.error) {
      for(const e of result.error.errors || [result.error]) {
        errors.push(String(e.message || e));
      }
    }
    return {verified: result.verified, error: errors.join('; ') || null, publicKeyMultibase: keyPair.publicKeyMultibase};
  }
  throw new Error('usage: eddsa-rdfc-2022.mjs sign|verify|context');
}

main().then(
  r => process.stdout.write(JSON.stringify(r)),
  e => process.stdout.write(JSON.stringify({verified: false, error: String(e && e.stack || e)})));
