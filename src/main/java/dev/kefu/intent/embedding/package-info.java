/**
 * Sentence vectors from a pretrained model, for classifiers that add them to their n-gram
 * features ({@code --classifier liblinear-bge}). The only package that imports langchain4j and
 * ONNX Runtime. Depends on {@code dev.kefu.intent}.
 */
package dev.kefu.intent.embedding;
