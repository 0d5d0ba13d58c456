package dev.weft.repro;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a hand-written training loop (the Trainer has its own). On a terminal ({@link Terminal#interactive}):
 * a bar redrawn in place at most ten times a second, {@code [#####...] step/total  status  12 s, ~30 s left}.
 * Elsewhere (a pipe, a file, CI, TERM=dumb) the bar degrades to plain lines, {@code   40% 200/500  status  (12 s)}:
 * one each time another {@link #LINE_PERCENT}% of the steps is done, or when {@link #LINE_SECONDS} s have passed since
 * the last line, so that no run is silent for long and a log holds at most about a dozen of them. {@link #report}
 * prints a line that stays (above the bar on a terminal); {@link #done} ends the bar's line. The clock is injected
 * (nanoseconds, as System::nanoTime), so the line mode can be tested without waiting.
 */
public final class StepProgress {
    /** A plain line each time this share of the steps is done... */
    public static final int LINE_PERCENT = 10;
    /** ...or when this many seconds have passed since the last line. */
    public static final long LINE_SECONDS = 30;
    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw = Long.MIN_VALUE, lastLine;
    private long lastShare;
    private int width;

    StepProgress(PrintStream out, boolean terminal, long total) {
        this(out, terminal, total, System::nanoTime);
    }

    /** A progress report of {@code total} steps on {@code out}, a bar when {@code terminal}, timed by {@code clock} (ns). */
    public StepProgress(PrintStream out, boolean terminal, long total, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.total = Math.max(1, total);
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** Step {@code step} of the total is done; {@code status} says how it goes ("train MSE 0.012"). */
    public void update(long step, String status) {
        long now = clock.getAsLong();
        step = Math.clamp(step, 0, total);
        double seconds = (now - start) / 1e9;
        if (!terminal) {
            long share = step * 100 / total / LINE_PERCENT;
            if (step == 0 || (share <= lastShare && now - lastLine < LINE_SECONDS * 1_000_000_000L)) return;
            lastShare = share;
            lastLine = now;
            out.println(String.format(Locale.ROOT, "  %3d%% %d/%d  %s(%s)", step * 100 / total, step, total,
                    status == null || status.isBlank() ? "" : status + "  ", Budget.format(seconds).substring(1)));
            out.flush();
            return;
        }
        if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS && step != total) return;
        lastDraw = now;
        int filled = (int) Math.min(BAR, BAR * step / total);
        String eta = step > 0 && step < total ? ", " + Budget.format(seconds * (total - step) / step) + " left" : "";
        String line = "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + step + "/" + total + "  " + status + "  "
                + Budget.format(seconds).substring(1) + eta;
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
