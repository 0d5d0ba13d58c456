package dev.weft.nn.testing;

/**
 * Shared set-up of the module's Jazzer tests. Replaying the seeds needs no instrumentation; without
 * this, Jazzer's hooks instrument every class the JVM loads afterwards (15-35 s added to the module's
 * tests). Fuzzing (JAZZER_FUZZ set) keeps them. Each fuzz test calls it from {@code @BeforeAll}, so it
 * runs before Jazzer configures itself for the first fuzz test of the JVM, whichever that is.
 */
public final class FuzzReplay {
    private FuzzReplay() {}

    public static void noHooksWhenOnlyReplaying() {
        String fuzz = System.getenv("JAZZER_FUZZ");
        if ((fuzz == null || fuzz.isEmpty() || fuzz.equals("0")) && System.getProperty("jazzer.hooks") == null) {
            System.setProperty("jazzer.hooks", "false");
        }
    }
}
