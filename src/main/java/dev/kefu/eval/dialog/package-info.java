/** Scripted multi-turn conversations: their file format, and scoring them through the real engine ({@code eval --dialogs}). */
package dev.kefu.eval.dialog;
