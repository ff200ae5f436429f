// Independent JSON-LD → RDFC-1.0 canonicalizer: jsonld.js (jsonld@9), safe mode, offline document loader.
// Usage: node canonize.mjs [iterations] < request.json
// request: {document, extraContexts?: {url: json}} → {nquads, msPerOp}
import jsonld from 'jsonld';
import credentialsContext from 'credentials-context';
import ed25519Context from 'ed25519-signature-2020-context';
import securityContext from 'security-context';

let data = '';
for await (const chunk of process.stdin) {
  data += chunk;
}
const req = JSON.parse(data);
const docs = new Map();
docs.set(credentialsContext.CONTEXT_URL_V1, credentialsContext.CONTEXT);
docs.set(ed25519Context.CONTEXT_URL, ed25519Context.CONTEXT);
for(const url of securityContext.contexts.keys()) {
  docs.set(url, securityContext.contexts.get(url));
}
for(const [url, json] of Object.entries(req.extraContexts || {})) {
  docs.set(url, JSON.parse(json));
}
const documentLoader = async url => {
  if(docs.has(url)) {
    return {contextUrl: null, documentUrl: url, document: docs.get(url)};
  }
  throw new Error(`offline loader: ${url} not available`);
};
const options = {algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true, documentLoader};
try {
  const nquads = await jsonld.canonize(req.document, options);
  const iterations = Number(process.argv[2] || 0);
  let msPerOp = null;
  if(iterations > 0) {
    for(let i = 0; i < Math.min(iterations, 200); i++) {
      await jsonld.canonize(req.document, options);
    }
    const start = process.hrtime.bigint();
    for(let i = 0; i < iterations; i++) {
      await jsonld.canonize(req.document, options);
    }
    msPerOp = Number(process.hrtime.bigint() - start) / 1e6 / iterations;
  }
  process.stdout.write(JSON.stringify({nquads, msPerOp}));
} catch(e) {
  process.stdout.write(JSON.stringify({error: String(e && e.message || e)}));
}
