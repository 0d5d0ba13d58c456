package dev.weft.spark;

import dev.weft.nn.Module;

/**
 * Executor-side cache: one model per task thread and training job, so a step does not rebuild the
 * architecture (its values are overwritten from the broadcast every step). Spark reuses task threads;
 * a thread that sees a new job builds a new model and drops the old one.
 */
final class Executors {
    private record Cached(String job, Module model) {}

    private static final ThreadLocal<Cached> MODEL = new ThreadLocal<>();

    private Executors() {}

    static Module model(String job, ModelFactory factory) {
        Cached c = MODEL.get();
        if (c == null || !c.job().equals(job)) {
            Module m = factory.create();
            m.train();
            c = new Cached(job, m);
            MODEL.set(c);
        }
        return c.model();
    }
}
