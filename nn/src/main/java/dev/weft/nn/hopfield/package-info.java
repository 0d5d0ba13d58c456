/**
 * Associative memories. The modern Hopfield networks of Ramsauer et al. 2021 ("Hopfield Networks is All
 * You Need"): the update xi' = X softmax(beta X^T xi) ({@link dev.weft.nn.hopfield.HopfieldUpdate}) and
 * the layers of the hflayers library ({@link dev.weft.nn.hopfield.Hopfield}, {@link
 * dev.weft.nn.hopfield.HopfieldPooling}, {@link dev.weft.nn.hopfield.HopfieldLayer}); and the classical
 * binary network with Hebbian storage and sign updates ({@link dev.weft.nn.hopfield.ClassicalHopfield})
 * to compare their capacity with.
 */
package dev.weft.nn.hopfield;
