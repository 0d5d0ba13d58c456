package dev.weft.bench.train;

/**
 * One training step of a train suite's model on its fixed, seeded batch: zeroGrad + forward + loss +
 * backward + optimizer step, what the matching PyTorch peer times as one step.
 */
interface TrainStep {
    /** Runs one step; returns its loss. */
    double run();
}
