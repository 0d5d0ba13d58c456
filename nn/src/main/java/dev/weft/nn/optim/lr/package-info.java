/**
 * Learning-rate schedulers with torch.optim.lr_scheduler's semantics: StepLR, MultiStepLR,
 * ExponentialLR, CosineAnnealingLR, LinearLR (warmup), OneCycleLR (per batch), SequentialLR.
 *
 * <pre>
 * var opt = new SGD(model.parameters(), SGD.options().lr(0.1).momentum(0.9));
 * var sched = SequentialLR.withWarmup(opt, 5, 0.1, o -> new CosineAnnealingLR(o, 95));
 * for (int epoch = 0; epoch &lt; 100; epoch++) { train(opt); sched.step(); }
 * </pre>
 */
package dev.weft.nn.optim.lr;
