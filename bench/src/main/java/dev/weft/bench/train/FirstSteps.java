package dev.weft.bench.train;

import java.lang.management.ManagementFactory;

/**
 * Time to the first N training steps: wall seconds from the JVM's start (RuntimeMXBean.getStartTime,
 * millisecond resolution) to the end of each checkpoint step, building the model included. Only a fresh
 * process measures the JIT warm-up a user waits through; in a warm JVM the numbers are still well
 * formed but measure less. The launcher's work before it starts the JVM is not counted.
 */
final class FirstSteps {
    private FirstSteps() {}

    /** seconds[i]: JVM start to the end of step checkpoints[i]; loss: the last step's. */
    record Result(double[] seconds, double loss) {}

    /** checkpoints: increasing step numbers >= 1 (checked by the caller). */
    static Result measure(TrainCase c, int[] checkpoints) {
        long[] endMillis = new long[checkpoints.length];
        TrainStep step = c.factory().get();
        double loss = Double.NaN;
        int next = 0;
        for (int s = 1; s <= checkpoints[checkpoints.length - 1]; s++) {
            loss = step.run();
            if (s == checkpoints[next]) endMillis[next++] = System.currentTimeMillis();
        }
        // read the start only now: loading the management classes stays out of the timed steps
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        double[] seconds = new double[checkpoints.length];
        for (int i = 0; i < seconds.length; i++) seconds[i] = (endMillis[i] - start) / 1e3;
        return new Result(seconds, loss);
    }
}
