// Independent M-Pin / DVS side for the Civitas.Pairing interop tests, using Apache Milagro
// (milagro-crypto-js 3.3.0, curve BN254CX) configured like the MIRACL Trust clients (6-digit PINs).
// Reads one JSON request on stdin and writes one JSON answer on stdout; all byte values are hex.
//   {"mode":"generate", "id", "pin", "date", "y", "timeValue", "message"}: Milagro produces secrets,
//       tokens, pass values and a DVS signature for Civitas to verify and reproduce.
//   {"mode":"verify", ...Civitas values...}: Milagro checks what Civitas produced (return codes, 0 = success).
"use strict";
const crypto = require("crypto");
const CTX = require("milagro-crypto-js");

const ctx = new CTX("BN254CX");
const MPIN = ctx.MPIN;
MPIN.MAXPIN = 1000000; // Trust clients: 6-digit PINs (Milagro's default 10000 would reduce the PIN).
MPIN.PBLEN = 20;
const sha = MPIN.HASH_TYPE;

const rng = new ctx.RAND();
rng.clean();
rng.seed(128, Array.from(crypto.randomBytes(128)));

const toBytes = (hex) => Array.from(Buffer.from(hex, "hex"));
const toHex = (bytes) => MPIN.bytestostring(bytes);

function generate(req) {
    const id = toBytes(req.id);
    const hcid = MPIN.HASH_ID(sha, id);
    const out = { id: req.id };

    const ms1 = [], ms2 = [], ss1 = [], ss2 = [], sst = [], cs1 = [], cs2 = [], cs = [];
    MPIN.RANDOM_GENERATE(rng, ms1);
    MPIN.RANDOM_GENERATE(rng, ms2);
    MPIN.GET_SERVER_SECRET(ms1, ss1);
    MPIN.GET_SERVER_SECRET(ms2, ss2);
    MPIN.RECOMBINE_G2(ss1, ss2, sst);
    MPIN.GET_CLIENT_SECRET(ms1, hcid, cs1);
    MPIN.GET_CLIENT_SECRET(ms2, hcid, cs2);
    MPIN.RECOMBINE_G1(cs1, cs2, cs);
    Object.assign(out, { ms1: toHex(ms1), ms2: toHex(ms2), ss1: toHex(ss1), ss2: toHex(ss2), serverSecret: toHex(sst),
        cs1: toHex(cs1), cs2: toHex(cs2), clientSecret: toHex(cs) });

    const token = cs.slice();
    MPIN.EXTRACT_PIN(sha, id, req.pin, token);
    out.token = toHex(token);

    // Two-pass with a time permit (both shares recombined).
    const tp1 = [], tp2 = [], permit = [];
    MPIN.GET_CLIENT_PERMIT(sha, req.date, ms1, hcid, tp1);
    MPIN.GET_CLIENT_PERMIT(sha, req.date, ms2, hcid, tp2);
    MPIN.RECOMBINE_G1(tp1, tp2, permit);
    const x = [], sec = [], u = [], ut = [];
    MPIN.CLIENT_1(sha, req.date, id, rng, x, req.pin, token, sec, u, ut, permit);
    out.timePermit = toHex(permit);
    out.x = toHex(x);
    out.u = toHex(u);
    out.ut = toHex(ut);
    out.sec = toHex(sec);
    const v = sec.slice();
    MPIN.CLIENT_2(x, toBytes(req.y), v);
    out.v = toHex(v);
    const hid = [], htid = [];
    MPIN.SERVER_1(sha, req.date, id, hid, htid);
    out.selfCheckTwoPass = MPIN.SERVER_2(req.date, hid, htid, toBytes(req.y), sst, u, ut, v, null, null);

    // One-pass without a time permit.
    const x1 = [], sec1 = [], u1 = [], y1 = [];
    MPIN.CLIENT(sha, 0, id, rng, x1, req.pin, token, sec1, u1, null, null, req.timeValue, y1);
    Object.assign(out, { onePassX: toHex(x1), onePassU: toHex(u1), onePassY: toHex(y1), onePassV: toHex(sec1) });

    // DVS: key pair, identity mpinId|Pa, secret z.CS, PIN extracted, signature over the message bytes.
    const z = [], pa = [];
    MPIN.GET_DVS_KEYPAIR(rng, z, pa);
    const dvsId = id.concat(pa);
    const dvsCs = [];
    MPIN.GET_CLIENT_SECRET(ms1, MPIN.HASH_ID(sha, dvsId), dvsCs);
    const dvsCs2 = [], dvsCsAll = [];
    MPIN.GET_CLIENT_SECRET(ms2, MPIN.HASH_ID(sha, dvsId), dvsCs2);
    MPIN.RECOMBINE_G1(dvsCs, dvsCs2, dvsCsAll);
    const dvsToken = [];
    MPIN.GET_G1_MULTIPLE(null, 0, z, dvsCsAll, dvsToken);
    out.dvsZCs = toHex(dvsToken);
    MPIN.EXTRACT_PIN(sha, dvsId, req.pin, dvsToken);
    const x2 = [], sig = [], u2 = [], y2 = [];
    MPIN.CLIENT(sha, 0, dvsId, rng, x2, req.pin, dvsToken, sig, u2, null, null, req.timeValue, y2, toBytes(req.message));
    Object.assign(out, { dvsZ: toHex(z), dvsPublicKey: toHex(pa), dvsClientSecret: toHex(dvsCsAll), dvsToken: toHex(dvsToken),
        dvsX: toHex(x2), dvsU: toHex(u2), dvsY: toHex(y2), dvsV: toHex(sig) });
    return out;
}

function verify(req) {
    const id = toBytes(req.id);
    const out = {};
    const ss = [];
    MPIN.GET_SERVER_SECRET(toBytes(req.masterSecret), ss);
    out.serverSecret = toHex(ss);
    const cs = [];
    MPIN.GET_CLIENT_SECRET(toBytes(req.masterSecret), MPIN.HASH_ID(sha, id), cs);
    out.clientSecret = toHex(cs);
    const token = toBytes(req.clientSecret);
    MPIN.EXTRACT_PIN(sha, id, req.pin, token);
    out.token = toHex(token);
    const permit = [];
    MPIN.GET_CLIENT_PERMIT(sha, req.date, toBytes(req.masterSecret), MPIN.HASH_ID(sha, id), permit);
    out.timePermit = toHex(permit);

    const hid = [], htid = [];
    MPIN.SERVER_1(sha, req.date, id, hid, htid);
    out.twoPass = MPIN.SERVER_2(req.date, hid, htid, toBytes(req.y), toBytes(req.serverSecret),
        toBytes(req.u), toBytes(req.ut), toBytes(req.v), null, null);
    out.twoPassWrongPin = MPIN.SERVER_2(req.date, hid, htid, toBytes(req.y), toBytes(req.serverSecret),
        toBytes(req.wrongPinU), toBytes(req.wrongPinUT), toBytes(req.wrongPinV), null, null);

    const hid0 = [], y0 = [];
    out.onePass = MPIN.SERVER(sha, 0, hid0, null, y0, toBytes(req.serverSecret), toBytes(req.onePassU), null,
        toBytes(req.onePassV), null, null, id, req.timeValue);
    out.onePassY = toHex(y0);

    const dvsId = id.concat(toBytes(req.dvsPublicKey));
    const hid1 = [], y1 = [];
    out.dvs = MPIN.SERVER(sha, 0, hid1, null, y1, toBytes(req.serverSecret), toBytes(req.dvsU), null,
        toBytes(req.dvsV), null, null, dvsId, req.timeValue, toBytes(req.message), toBytes(req.dvsPublicKey));
    const hid2 = [], y2 = [];
    out.dvsOtherMessage = MPIN.SERVER(sha, 0, hid2, null, y2, toBytes(req.serverSecret), toBytes(req.dvsU), null,
        toBytes(req.dvsV), null, null, dvsId, req.timeValue, toBytes(req.message + "00"), toBytes(req.dvsPublicKey));
    const z = toBytes(req.dvsZ), pa = [];
    MPIN.GET_DVS_KEYPAIR(null, z, pa);
    out.dvsPublicKey = toHex(pa);
    return out;
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
    const req = JSON.parse(input);
    const out = req.mode === "generate" ? generate(req) : verify(req);
    process.stdout.write(JSON.stringify(out));
});
