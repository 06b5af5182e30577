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
