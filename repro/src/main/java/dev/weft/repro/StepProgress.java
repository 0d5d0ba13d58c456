package dev.weft.repro;

import java.io.PrintStream;

/**
 * Progress of a hand-written training loop (the Trainer has its own): on a terminal a bar redrawn in
 * place at most ten times a second; elsewhere the caller's status line every {@code report} call, as a
 * plain line. {@link #done} ends the bar's line.
 */
public final class StepProgress {
    private static final int BAR = 24;
    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private long lastDraw;
    private int width;

    StepProgress(PrintStream out, boolean terminal, long total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    /** Step {@code step} of the total is done; {@code status} says how it goes ("train MSE 0.012"). */
    public void update(long step, String status) {
        if (!terminal) return;
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && step != total) return;
        lastDraw = now;
        int filled = (int) Math.min(BAR, BAR * step / Math.max(1, total));
        String line = "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + step + "/" + total + "  " + status;
        out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = line.length();
        out.flush();
    }

    /** A line that stays: printed as is when not on a terminal, above the bar on one. */
    public void report(String line) {
        if (terminal) {
            out.print("\r" + " ".repeat(width) + "\r");
            width = 0;
        }
        out.println(line);
        out.flush();
    }

    /** Ends the bar (a newline on a terminal; nothing otherwise). */
    public void done() {
        if (terminal && width > 0) out.println();
        width = 0;
    }
}
