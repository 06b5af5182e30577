/**
 * The evaluation report as one self-contained HTML page: tables and inline SVG charts drawn here,
 * no script, no network. Reads {@code dev.kefu.eval} reports only; nothing depends on it except
 * {@code cli}.
 */
package dev.kefu.eval.html;
