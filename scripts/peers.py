"""Train and score the scikit-learn and fastText peers on a label<TAB>text split; one JSON line each.

Run by scripts/peers.sh with Debian's /usr/bin/python3 (python3-sklearn, python3-jieba,
python3-fasttext). Settings are fixed, common defaults, never tuned on the test file:
- sklearn: TF-IDF (sublinear tf) of jieba words + TF-IDF of character 1-3-grams, LinearSVC C=1.
- fastText 0.9.2: jieba words, subword character 1-3-grams, word bigrams, 50 epochs, lr 0.5,
  one thread (deterministic).
Predictions per second: one message at a time (tokenization included), one thread, for about
5 seconds after a 1-second warm-up.
"""
import json
import os
import sys
import tempfile
import time

import jieba
import logging

jieba.setLogLevel(logging.WARNING)


def read(path):
    labels, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "\t" not in line:
                continue
            # label<TAB>text, optionally <TAB>faq-ids: the third column names the answer, never text
            label, text = line.split("\t")[:2]
            labels.append(label.strip())
            texts.append(text.strip())
    return labels, texts


def words(text):
    return [w for w in jieba.lcut(text.lower()) if w.strip()]


def rate(predict_one, texts):
    end = time.perf_counter() + 1.0
    i = 0
    while time.perf_counter() < end:
        predict_one(texts[i % len(texts)])
        i += 1
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 5.0:
        predict_one(texts[n % len(texts)])
        n += 1
    return n / (time.perf_counter() - start)


def scores(gold, predicted):
    from sklearn.metrics import accuracy_score, f1_score
    return accuracy_score(gold, predicted), f1_score(gold, predicted, average="macro")


def sklearn_peer(train, test):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.svm import LinearSVC
    start = time.perf_counter()
    model = make_pipeline(
        make_union(TfidfVectorizer(analyzer=words, sublinear_tf=True),
                   TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, lowercase=True)),
        LinearSVC(C=1.0))
    model.fit(train[1], train[0])
    seconds = time.perf_counter() - start
    acc, f1 = scores(test[0], list(model.predict(test[1])))
    return {"system": "scikit-learn TF-IDF + LinearSVC", "accuracy": acc, "macro_f1": f1, "train_s": seconds,
            "predictions_per_s": rate(lambda t: model.predict([t]), test[1])}


def fasttext_peer(train, test):
    import fasttext
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        for label, text in zip(*train):
            f.write("__label__" + label + " " + " ".join(words(text)) + "\n")
        path = f.name
    try:
        start = time.perf_counter()
        model = fasttext.train_supervised(input=path, epoch=50, lr=0.5, wordNgrams=2, minn=1, maxn=3, dim=100,
                                          thread=1, verbose=0)
        seconds = time.perf_counter() - start
    finally:
        os.unlink(path)
    predict = lambda t: model.predict(" ".join(words(t)))[0][0][len("__label__"):]
    acc, f1 = scores(test[0], [predict(t) for t in test[1]])
    return {"system": "fastText 0.9.2", "accuracy": acc, "macro_f1": f1, "train_s": seconds,
            "predictions_per_s": rate(predict, test[1])}


if __name__ == "__main__":
    jieba.initialize()
    train, test = read(sys.argv[1]), read(sys.argv[2])
    for peer in (sklearn_peer, fasttext_peer):
        print(json.dumps(peer(train, test)), flush=True)
