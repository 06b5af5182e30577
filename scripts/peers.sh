#!/usr/bin/env bash
# Side-by-side comparison of kefu's intent classifiers with the classical peers on one split:
# scikit-learn TF-IDF + LinearSVC and fastText, installed from Debian packages (PyPI not needed).
# Prints accuracy, macro-F1, training time and single-message predictions per second (1 thread).
#
#   scripts/peers.sh [TRAIN.tsv] [TEST.tsv]      (default: ../shared/bench/smp2017/{train,test}.tsv)
#
# Not part of the test suite. Needs root (or the packages already installed) and a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."
TRAIN=${1:-../shared/bench/smp2017/train.tsv}
TEST=${2:-../shared/bench/smp2017/test.tsv}
PY=/usr/bin/python3   # Debian's Python: the packages below install into it, not into a pyenv/venv

packages=(python3-sklearn python3-jieba python3-fasttext)
if ! "$PY" -c 'import sklearn, jieba, fasttext' 2>/dev/null; then
    echo "peers: installing ${packages[*]}" >&2
    apt-get update -q >&2 && apt-get install -y -q "${packages[@]}" >&2
fi
[ -f target/kefu.jar ] || ./mvnw -q package -DskipTests

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for classifier in opennlp liblinear ensemble liblinear-bge; do
    echo "peers: kefu $classifier" >&2
    java -jar target/kefu.jar eval --classifier "$classifier" --train "$TRAIN" --data "$TEST" \
        --json "$results.eval" >/dev/null 2>&1
    java -jar target/kefu.jar bench --classifier "$classifier" --train "$TRAIN" --data "$TEST" \
        --threads 1 --warmup 3 --seconds 5 2>/dev/null >"$results.bench"
    "$PY" - "$classifier" "$results.eval" "$results.bench" >>"$results" <<'PY'
import json, sys
e, b = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
print(json.dumps({"system": "kefu " + sys.argv[1], "accuracy": e["accuracy"], "macro_f1": e["macro_f1"],
                  "train_s": b["train_ms"] / 1000, "predictions_per_s": b["runs"][0]["throughput_per_s"]}))
PY
done
rm -f "$results.eval" "$results.bench"
echo "peers: scikit-learn and fastText" >&2
"$PY" scripts/peers.py "$TRAIN" "$TEST" >>"$results"

echo "train: $TRAIN   test: $TEST   $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" - "$results" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
fastest_peer = max(r["predictions_per_s"] for r in rows if not r["system"].startswith("kefu"))
print(f"{'system':34} {'accuracy':>8} {'macro-F1':>8} {'train s':>8} {'pred/s':>9} {'vs fastest peer':>15}")
for r in rows:
    print(f"{r['system']:34} {r['accuracy']:8.3f} {r['macro_f1']:8.3f} {r['train_s']:8.2f} "
          f"{r['predictions_per_s']:9.0f} {r['predictions_per_s'] / fastest_peer:14.1f}x")
PY

# ================================================================================================
# Answer level: which FAQ entry answers each message. kefu's pipeline against two peers that answer
# from the FAQ's question-answer pairs the way MaxKB / FastGPT do, on the same labelled file
# (scripts/peers-answers.mjs, Node.js; its dependencies come from the npm registry, no PyPI):
#   bge-cosine  nearest phrasing (question: and paraphrase: lines of corpus/faq.txt) by cosine of
#               bge-small-zh-v1.5 [CLS] vectors, the int8 ONNX model kefu ships
#   bm25        best phrasing by BM25 over character unigrams + bigrams
# Neither has a threshold: they answer every message. Only lines with the third column
# (intent<TAB>text<TAB>faq-a,faq-b) are scored; an answer is right when its entry is listed there.
#
#   scripts/peers.sh [TRAIN.tsv] [TEST.tsv] [ANSWERS.tsv]     or     ANSWERS=FILE scripts/peers.sh
#       ANSWERS.tsv  default corpus/eval.tsv (the argument wins over ANSWERS=)
#       KEFU_MODELS  models kefu's eval and bench load here (default models; they must match corpus/)
# ================================================================================================
ANSWERS_FILE=${3:-${ANSWERS:-corpus/eval.tsv}}
KEFU_MODELS=${KEFU_MODELS:-models}
if [ ! -d scripts/node_modules ]; then
    echo "peers: npm ci --prefix scripts" >&2
    # the CPU runtime is in the npm package; skip onnxruntime-node's download of CUDA libraries
    ONNXRUNTIME_NODE_INSTALL=skip ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm ci --prefix scripts --no-audit --no-fund >&2
fi
[ -f target/kefu.jar ] || ./mvnw -q package -DskipTests

answers=$(mktemp -d)
trap 'rm -f "${results:-}"; rm -rf "$answers"' EXIT
echo "peers: bge-cosine and bm25 on $ANSWERS_FILE" >&2
node scripts/peers-answers.mjs "$ANSWERS_FILE" >"$answers/peers.jsonl"
echo "peers: kefu eval and bench on $ANSWERS_FILE (models: $KEFU_MODELS)" >&2
if ! java -jar target/kefu.jar eval --models "$KEFU_MODELS" --data "$ANSWERS_FILE" --json "$answers/eval.json" \
        >"$answers/eval.log" 2>&1; then
    echo "kefu eval failed: $(tail -n 1 "$answers/eval.log")" >&2
    rm -f "$answers/eval.json"
fi
if ! java -jar target/kefu.jar bench --models "$KEFU_MODELS" --data "$ANSWERS_FILE" --threads 1 --warmup 3 --seconds 5 \
        >"$answers/bench.json" 2>"$answers/bench.log"; then
    echo "kefu bench failed: $(tail -n 1 "$answers/bench.log")" >&2
    rm -f "$answers/bench.json"
fi

echo "answers: $ANSWERS_FILE   $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
node - "$answers" <<'JS'
const fs = require("fs"), path = require("path");
const dir = process.argv[2];
const read = name => {
    try { return JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")); } catch { return null; }
};
const rows = fs.readFileSync(path.join(dir, "peers.jsonl"), "utf8").split("\n").filter(l => l.trim()).map(JSON.parse);
const evalReport = read("eval.json"), bench = read("bench.json");
const kefu = { system: "kefu", answer_accuracy: null, answer_top3: null, queries_per_s: null };
const notes = [];
if (evalReport && "answer_accuracy" in evalReport) {
    Object.assign(kefu, { answer_accuracy: evalReport.answer_accuracy, answer_top3: evalReport.answer_top3 ?? null });
    notes.push(`kefu: answer precision ${evalReport.answer_precision?.toFixed(3) ?? "-"} over the messages it answers `
        + `itself (${evalReport.answer_lines ?? "?"} lines scored); clarify, fallback and handoff count as wrong above`);
} else {
    console.log("kefu: no answer-level keys");
}
const runs = bench?.runs ?? [];
if (runs.length) {
    kefu.queries_per_s = runs[0].throughput_per_s;
    notes.push(`kefu bench: ${bench.mode ?? "?"} mode, classifier ${bench.classifier ?? "?"}, ${runs[0].threads} thread`);
}
if (evalReport || runs.length) rows.unshift(kefu);
const bge = rows.find(r => r.system === "bge-cosine")?.queries_per_s;
const num = (x, digits) => (x == null ? "-" : x.toFixed(digits));
console.log(`${"system".padEnd(12)} ${"answer acc".padStart(10)} ${"answer top-3".padStart(12)} ${"queries/s".padStart(10)} `
    + `${"vs bge-cosine".padStart(13)}`);
for (const r of rows) {
    const ratio = r.queries_per_s == null || !bge ? "-" : (r.queries_per_s / bge).toFixed(2) + "x";
    console.log(`${r.system.padEnd(12)} ${num(r.answer_accuracy, 3).padStart(10)} ${num(r.answer_top3, 3).padStart(12)} `
        + `${num(r.queries_per_s, 0).padStart(10)} ${ratio.padStart(13)}`);
}
const lines = rows.find(r => r.lines != null)?.lines;
notes.push(`bge-cosine and bm25 answer every message (answered ${rows.filter(r => r.answered != null).map(r => r.answered.toFixed(1)).join(", ")}), `
    + `${lines} lines scored; queries/s: one message at a time, one thread`);
for (const note of notes) console.log(note);
JS
