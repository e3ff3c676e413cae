/**
 * The command line (picocli): thin commands that parse arguments, call the config loader, the
 * runner and the writers, and print. Nothing depends on this package.
 */
package org.clocksim.cli;
