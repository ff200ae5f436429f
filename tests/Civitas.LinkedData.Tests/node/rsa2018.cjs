// Independent RsaSignature2018 signer/verifier: jsonld-signatures@6 (the version MOSIP's verifiers use).
// Usage: node rsa2018.cjs sign|verify < request.json ; prints a JSON result on stdout.
// request: {credential, keyId, controller, publicKeyPem, privateKeyPem?, created?, extraContexts?: {url: json}}
'use strict';
const jsigs = require('jsonld-signatures');
const {RSAKeyPair} = require('jsonld-signatures/node_modules/crypto-ld');
const credentialsContext = require('credentials-context');
const {RsaSignature2018} = jsigs.suites;
const {AssertionProofPurpose} = jsigs.purposes;

function readStdin() {
  return new Promise(resolve => {
    let data = '';
    process.stdin.on('data', c => { data += c; });
    process.stdin.on('end', () => resolve(JSON.parse(data)));
  });
}

function loaderFor(req) {
  const docs = new Map();
  docs.set(credentialsContext.CONTEXT_URL_V1, credentialsContext.CONTEXT);
  for(const [url, json] of Object.entries(req.extraContexts || {})) {
    docs.set(url, JSON.parse(json));
  }
  docs.set(req.keyId, {
    '@context': 'https://w3id.org/security/v2',
    id: req.keyId,
    type: 'RsaVerificationKey2018',
    controller: req.controller,
    publicKeyPem: req.publicKeyPem
  });
  docs.set(req.controller, {
    '@context': 'https://w3id.org/security/v2',
    id: req.controller,
    assertionMethod: [req.keyId]
  });
  // Offline: anything not listed fails, as Civitas's loader does.
  return async url => {
    if(docs.has(url)) {
      return {contextUrl: null, documentUrl: url, document: docs.get(url)};
    }
    throw new Error(`offline loader: ${url} not available`);
  };
}

(async () => {
  const [, , command] = process.argv;
  const req = await readStdin();
  const documentLoader = jsigs.extendContextLoader(loaderFor(req));
  try {
    if(command === 'sign') {
      const key = new RSAKeyPair({
        id: req.keyId, controller: req.controller,
        publicKeyPem: req.publicKeyPem, privateKeyPem: req.privateKeyPem
      });
      const suite = new RsaSignature2018({key, date: req.created});
      const signed = await jsigs.sign(req.credential, {
        suite, purpose: new AssertionProofPurpose(), documentLoader, compactProof: false
      });
      process.stdout.write(JSON.stringify({signed}));
    } else if(command === 'verify') {
      const result = await jsigs.verify(req.credential, {
        suite: new RsaSignature2018(), purpose: new AssertionProofPurpose(),
        documentLoader, compactProof: false
      });
      process.stdout.write(JSON.stringify({
        verified: result.verified,
        error: result.error ? String(result.error.errors ? result.error.errors.map(e => e.message) : result.error.message) : null
      }));
    } else {
      throw new Error('usage: rsa2018.cjs sign|verify');
    }
  } catch(e) {
    process.stdout.write(JSON.stringify({verified: false, error: String(e && e.message || e)}));
  }
})();
