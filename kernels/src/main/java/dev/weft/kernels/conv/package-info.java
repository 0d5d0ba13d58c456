/**
 * 2-d convolution and pooling kernels on row-major (B, C, H, W) arrays: im2col/col2im, the grouped weight
 * product and its weight gradient, a fused convolution, max and average pooling with their backwards.
 * Output sizes follow torch: (in + 2p - d (k - 1) - 1) / s + 1. Each family has a scalar reference and a
 * Vector API twin generated from one template.
 */
package dev.weft.kernels.conv;
