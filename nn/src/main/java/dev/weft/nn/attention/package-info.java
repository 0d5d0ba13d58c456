/**
 * Attention with PyTorch's names, shapes, masks and state-dict keys: the functional {@link
 * dev.weft.nn.attention.Attention#scaledDotProductAttention}, {@link
 * dev.weft.nn.attention.MultiheadAttention}, {@link dev.weft.nn.attention.TransformerEncoderLayer},
 * {@link dev.weft.nn.attention.TransformerEncoder} and positional encodings.
 *
 * <p>Mask conventions follow PyTorch, which uses two: a BOOL mask given to MultiheadAttention or the
 * encoder (attnMask, keyPaddingMask) is true where attention is NOT allowed; a BOOL mask given to
 * scaledDotProductAttention is true where attention IS allowed. Float masks are added to the
 * scores everywhere. A query row whose every key is masked gets all-zero attention weights and a
 * zero attention output (as PyTorch 2.5+'s scaled_dot_product_attention; PyTorch 1.13, and
 * MultiheadAttention with need_weights=True in later versions, produce NaN there instead).
 */
package dev.weft.nn.attention;
