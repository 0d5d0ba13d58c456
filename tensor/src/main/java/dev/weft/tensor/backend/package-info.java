/**
 * The backend SPI: what a device implements to run Weft's primitives (the CPU backend in
 * dev.weft.tensor.cpu; CUDA and sparse backends plug in the same way). It is written over the
 * Tensor-free lower layer only — {@link dev.weft.tensor.core.Strided} views, {@link dev.weft.tensor.core.Storage},
 * {@link dev.weft.tensor.core.DType} and the op records of dev.weft.tensor.op — so a backend never sees
 * a Tensor, autograd or a facade. A provider registers a {@link dev.weft.tensor.backend.BackendProvider}
 * in {@code META-INF/services/dev.weft.tensor.backend.BackendProvider}; the registry
 * ({@code dev.weft.tensor.Backends}) asks it once per device.
 *
 * <h2>The contract of {@link dev.weft.tensor.backend.Backend}</h2>
 * <ul>
 * <li><b>Validation is done.</b> {@code execute} is called only after the op's rules
 *     ({@code dev.weft.tensor.op.Rules}) accepted the inputs: arity, dtypes, shapes and parameters are
 *     as the op record's comment states, and every input and output lives on this backend's device.
 *     A backend throws only for what it alone can know (an unsupported dtype, device memory), with a
 *     message that starts with its name and the op.</li>
 * <li><b>Inputs may have any strides.</b> An input view may be non-contiguous, have a non-zero
 *     storage offset, stride 0 in any dim (an expanded or broadcast operand; broadcast operands keep
 *     their own rank and shape — the backend broadcasts), and zero elements. Strides are never negative.
 *     Inputs must only be read, except the destination of {@code CopyOp.CopyInto}.</li>
 * <li><b>Outputs are allocated by the caller.</b> For every op but CopyInto, each output is a fresh,
 *     zero-filled, contiguous view at offset 0 from {@link dev.weft.tensor.backend.Backend#allocate},
 *     of the shape and dtype the rules inferred; the backend writes every element (or relies on the zero
 *     fill) and never reallocates. CopyInto's single output is its destination input itself (any strides,
 *     but no dim of size &gt; 1 with stride 0); the dispatcher bumps its storage version afterwards.</li>
 * <li><b>Aliasing.</b> Outputs never alias inputs or each other, except CopyInto, whose destination
 *     is its output, and elementwise ops run in place on a backend whose
 *     {@link dev.weft.tensor.backend.Backend#inPlaceElementwise} is true (the output is then one input's
 *     own view, of any strides and offset without overlap, and no other input shares its storage unless it is
 *     that same view). CopyInto's source may share the destination's storage: the dispatcher does not
 *     check overlap today, and a partially overlapping copy is unspecified (the CPU backend copies in
 *     row-major order); a backend must not assume the two are disjoint.</li>
 * <li><b>View ops never reach a backend</b> ({@code ViewOp}: their layout is metadata, computed by
 *     {@code ViewRules}); {@code CopyOp.ToDevice} neither (the dispatcher goes through
 *     {@link dev.weft.tensor.backend.Backend#toHost} of the source and
 *     {@link dev.weft.tensor.backend.Backend#fromHost} of the target).</li>
 * <li><b>Determinism.</b> The same inputs give the same bits on every run and thread count.</li>
 * <li><b>Release.</b> A backend's {@link dev.weft.tensor.core.Storage} subclass may override
 *     {@code onRelease()}, which {@code Storage.release()} calls once when the owning tensor is closed or its
 *     {@code TensorScope} ends: return device memory to the allocator there (the CUDA backend does; the CPU
 *     backend keeps the no-op default). The op layer refuses released storage before a backend sees it, so
 *     {@code execute}, {@code toHost} and {@code fromHost} never get a released storage; a backend that
 *     releases its own temporaries calls {@code release()} on them.</li>
 * <li><b>Host arrays.</b> {@code fromHost} copies (never retains) a float[], double[], int[], long[] or
 *     boolean[]; {@code toHost} returns a new row-major array of that kind for any view.</li>
 * </ul>
 * Adding an op family means a case in every backend's {@code execute} (an exhaustive switch over the
 * sealed {@link dev.weft.tensor.op.Op}, so a backend that misses one does not compile).
 */
package dev.weft.tensor.backend;
