package dev.weft.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StepProgress's line mode (a pipe, a file, CI) on an injected clock, its bar on a terminal, and terminal detection. */
class StepProgressTest {
    /** A clock the test moves: nanoseconds. */
    private static final class FakeClock {
        long now = 5_000_000_000L;

        void seconds(double s) {
            now += (long) (s * 1e9);
        }
    }

    @Test
    void linesComeEveryTenPercentAndNotBetween() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        FakeClock clock = new FakeClock();
        StepProgress p = new StepProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), false, 200, () -> clock.now);
        for (int step = 0; step <= 200; step++) {
            clock.seconds(0.05);
            p.update(step, "loss " + step);
        }
        p.done();
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(10, lines.size(), String.join("\n", lines));
        assertEquals("   10% 20/200  loss 20  (1 s)", lines.getFirst());
        assertEquals("  100% 200/200  loss 200  (10 s)", lines.getLast());
        for (int i = 0; i < 10; i++) assertTrue(lines.get(i).startsWith(String.format("  %3d%% %d/200", 10 * (i + 1), 20 * (i + 1))), lines.get(i));
        assertFalse(buf.toString(StandardCharsets.UTF_8).contains("\r"), "no carriage returns off a terminal");
    }

    @Test
    void aSlowRunGetsALineEveryThirtySeconds() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        FakeClock clock = new FakeClock();
        StepProgress p = new StepProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), false, 1000, () -> clock.now);
        for (int step = 1; step <= 50; step++) {     // 5% in 100 s: no 10% mark, but lines at 30, 60 and 90 s (Budget.format: "2 min")
            clock.seconds(2);
            p.update(step, "");
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("    1% 15/1000  (30 s)", "    3% 30/1000  (60 s)", "    4% 45/1000  (2 min)"), lines);
        p.report("epoch 1: accuracy 0.5");
        assertEquals("epoch 1: accuracy 0.5", buf.toString(StandardCharsets.UTF_8).lines().toList().getLast(), "a report line is printed as is");
    }

    @Test
    void onATerminalTheBarRedrawsInPlaceAtMostTenTimesASecond() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        FakeClock clock = new FakeClock();
        StepProgress p = new StepProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), true, 100, () -> clock.now);
        for (int step = 1; step <= 100; step++) {
            clock.seconds(0.02);
            p.update(step, "mse 0.1");
        }
        p.done();
        String s = buf.toString(StandardCharsets.UTF_8);
        long draws = s.chars().filter(c -> c == '\r').count();
        assertTrue(draws >= 19 && draws <= 22, "about one draw per 0.1 s over 2 s, and the last: " + draws);
        assertTrue(s.contains("\r[############............] 50/100  mse 0.1  1 s, ~1 s left")
                || s.matches("(?s).*\\r\\[#{11,13}\\.{11,13}\\] \\d+/100  mse 0\\.1  1 s, ~1 s left.*"), s);
        assertTrue(s.contains("\r[########################] 100/100  mse 0.1  2 s") && s.endsWith("\n"), "the last draw, then done's newline: " + s);
    }

    @Test
    void aTerminalOnlyWhenTheConsoleIsOneAndNeitherCiNorADumbTerm() {
        assertTrue(Terminal.interactive(true, Map.of("TERM", "xterm-256color")));
        assertTrue(Terminal.interactive(true, Map.of()));
        assertFalse(Terminal.interactive(false, Map.of("TERM", "xterm")));
        assertFalse(Terminal.interactive(true, Map.of("CI", "true")));
        assertFalse(Terminal.interactive(true, Map.of("CI", "TRUE", "TERM", "xterm")));
        assertTrue(Terminal.interactive(true, Map.of("CI", "false")));
        assertFalse(Terminal.interactive(true, Map.of("TERM", "dumb")));
    }
}
