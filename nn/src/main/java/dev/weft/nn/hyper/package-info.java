/**
 * Hypernetworks: networks that generate another network's parameters, run through
 * {@link dev.weft.nn.FunctionalCall} so gradients reach the generator.
 * {@link dev.weft.nn.hyper.HMLP} (hypnettorch's full MLP hypernetwork, one head per generated tensor),
 * {@link dev.weft.nn.hyper.ChunkedHMLP} (a shared generator emitting fixed-size chunks from learned chunk
 * embeddings), per-sample weights run as batched matmuls by {@link dev.weft.nn.hyper.PerSampleCall}, the
 * generated parameters chosen by name with {@link dev.weft.nn.hyper.ParameterFilter} and laid out by
 * {@link dev.weft.nn.hyper.ParameterLayout}. Options on every hypernetwork: Magnitude Invariant Parametrization
 * ({@link dev.weft.nn.hyper.MipEncoding} and the residual theta = theta0 + h) and an init at the target's own
 * scale ({@link dev.weft.nn.hyper.HyperInit}). Continual learning (von Oswald et al. 2020):
 * {@link dev.weft.nn.hyper.TaskConditionedHyperNetwork} with learned {@link dev.weft.nn.hyper.TaskEmbeddings}
 * and the {@link dev.weft.nn.hyper.OutputRegularizer}. Graph hypernetworks (GHN) are not here.
 */
package dev.weft.nn.hyper;
