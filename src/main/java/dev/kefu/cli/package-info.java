/**
 * The command line: {@link dev.kefu.cli.Main} and one class per command. The only package that
 * wires objects together with {@code new}; it may depend on every other package.
 */
package dev.kefu.cli;
