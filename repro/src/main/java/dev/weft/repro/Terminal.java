package dev.weft.repro;

import java.io.Console;
import java.util.Map;

/**
 * Whether progress may be drawn as a bar redrawn in place: only when the JVM's console is an interactive terminal
 * and the environment does not say otherwise (CI=true, as CI services set it; TERM=dumb, as editors' and build
 * tools' consoles set it). Otherwise progress is plain periodic lines ({@link StepProgress}).
 */
public final class Terminal {
    private Terminal() {}

    /** For this process: System.console() and the environment. */
    public static boolean interactive() {
        Console c = System.console();
        return interactive(c != null && c.isTerminal(), System.getenv());
    }

    /** {@code console}: the console is a terminal; {@code env}: the environment variables. */
    public static boolean interactive(boolean console, Map<String, String> env) {
        if (!console) return false;
        if ("true".equalsIgnoreCase(env.getOrDefault("CI", "").strip())) return false;
        return !"dumb".equals(env.getOrDefault("TERM", ""));
    }
}
