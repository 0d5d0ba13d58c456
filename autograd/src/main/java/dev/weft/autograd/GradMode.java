package dev.weft.autograd;

/**
 * Per-thread autograd switches: whether ops are recorded (grad mode, on by default) and whether
 * anomaly detection runs. Scopes are try-with-resources blocks that restore the previous state, so
 * they nest: {@code try (var s = GradMode.noGrad()) { ... }}. A new thread starts with grad mode on.
 */
public final class GradMode {
    private GradMode() {}

    static {
        Tape.install();
    }

    /** The mutable per-thread state (one ThreadLocal read per recorded op). */
    static final class State {
        boolean enabled = true;
        boolean anomaly;
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    static State state() {
        return STATE.get();
    }

    /** A scope that restores the previous setting when closed; closing twice is harmless. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** {@return true if ops on this thread are recorded for autograd} */
    public static boolean isEnabled() {
        return STATE.get().enabled;
    }

    /**
     * Sets grad mode on this thread until the returned scope closes.
     *
     * @param enabled whether gradients are recorded
     * @return the scope to close (restores the previous mode)
     */
    public static Scope set(boolean enabled) {
        State s = STATE.get();
        boolean prev = s.enabled;
        s.enabled = enabled;
        return new Restore(s, prev, false);
    }

    /**
     * No recording until the scope closes (inference, optimizer updates).
     *
     * @return the scope to close
     */
    public static Scope noGrad() {
        return set(false);
    }

    /**
     * Recording on until the scope closes, even inside a noGrad scope.
     *
     * @return the scope to close
     */
    public static Scope enableGrad() {
        return set(true);
    }

    /** True if anomaly detection is on for this thread (see {@link Anomaly}). */
    static boolean anomalyEnabled() {
        return STATE.get().anomaly;
    }

    static Scope setAnomaly(boolean on) {
        State s = STATE.get();
        boolean prev = s.anomaly;
        s.anomaly = on;
        return new Restore(s, prev, true);
    }

    private static final class Restore implements Scope {
        private final State state;
        private final boolean prev;
        private final boolean anomaly;
        private boolean closed;

        Restore(State state, boolean prev, boolean anomaly) {
            this.state = state;
            this.prev = prev;
            this.anomaly = anomaly;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            if (anomaly) state.anomaly = prev;
            else state.enabled = prev;
        }
    }
}
