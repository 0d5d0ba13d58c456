package dev.weft.cli;

import java.io.PrintStream;

/** Where a command writes: results on {@code out}, errors (and progress bars) on {@code err}. */
record Io(PrintStream out, PrintStream err) {}
