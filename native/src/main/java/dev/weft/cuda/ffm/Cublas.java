package dev.weft.cuda.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Downcalls into cuBLAS (column-major GEMM, plain and strided-batched, F32 and F64) with the pointer mode
 * left at its default (alpha and beta on the host). TF32 is explicit: {@link #setTf32} chooses
 * CUBLAS_TF32_TENSOR_OP_MATH or CUBLAS_PEDANTIC_MATH (exact FP32), never the library's environment default.
 */
public final class Cublas {
    /** The exported symbols this class binds (cublas_v2.h's _v2 names where it redirects). */
    public static final List<String> SYMBOLS = List.of("cublasCreate_v2", "cublasDestroy_v2", "cublasSetStream_v2",
            "cublasSetMathMode", "cublasGetVersion_v2", "cublasSgemm_v2", "cublasDgemm_v2", "cublasSgemmStridedBatched",
            "cublasDgemmStridedBatched");

    /** Candidate library names, newest first. */
    public static final List<String> NAMES = List.of("libcublas.so.13", "libcublas.so.12", "libcublas.so.11", "libcublas.so");

    /** cublasOperation_t. */
    public static final int OP_N = 0, OP_T = 1;
    /** cublasMath_t: CUBLAS_PEDANTIC_MATH (no TF32, no reduced precision) and CUBLAS_TF32_TENSOR_OP_MATH. */
    public static final int PEDANTIC_MATH = 2, TF32_TENSOR_OP_MATH = 3;

    private static final class Holder {
        static final NativeLibrary LIB = NativeLibrary.find("cuBLAS", "weft.cuda.cublas", NAMES);
    }

    /** {@return the cuBLAS library, looked up on first use} */
    public static NativeLibrary library() {
        return Holder.LIB;
    }

    private static final class Bound {
        static final Cublas INSTANCE = new Cublas(Holder.LIB);
    }

    /** {@return the bindings; an IllegalStateException with the reason when the library is missing} */
    public static Cublas get() {
        Holder.LIB.requireLoaded();
        return Bound.INSTANCE;
    }

    private final MethodHandle create, destroy, setStream, setMathMode, getVersion, sgemm, dgemm, sgemmBatched, dgemmBatched;

    Cublas(NativeLibrary lib) {
        create = lib.downcall("cublasCreate_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        destroy = lib.downcall("cublasDestroy_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        setStream = lib.downcall("cublasSetStream_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
        setMathMode = lib.downcall("cublasSetMathMode", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT));
        getVersion = lib.downcall("cublasGetVersion_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));
        FunctionDescriptor gemm = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                ADDRESS, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
        sgemm = lib.downcall("cublasSgemm_v2", gemm);
        dgemm = lib.downcall("cublasDgemm_v2", gemm);
        FunctionDescriptor batched = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                ADDRESS, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_LONG,
                JAVA_INT);
        sgemmBatched = lib.downcall("cublasSgemmStridedBatched", batched);
        dgemmBatched = lib.downcall("cublasDgemmStridedBatched", batched);
    }

    private static void check(String call, MethodHandle h, Object... args) {
        int rc;
        try {
            rc = (int) h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cuda: cuBLAS downcall failed: " + t, t);
        }
        CudaException.checkCublas(call, rc);
    }

    /** {@return a new handle (needs a current context)} */
    public long create() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cublasCreate", create, out);
            return out.get(ADDRESS, 0).address();
        }
    }

    public void destroy(long handle) {
        check("cublasDestroy", destroy, handle);
    }

    public void setStream(long handle, long stream) {
        check("cublasSetStream", setStream, handle, stream);
    }

    /** TF32 tensor-op math on (faster F32 GEMM, 10-bit mantissa products) or off (pedantic FP32). */
    public void setTf32(long handle, boolean on) {
        check("cublasSetMathMode", setMathMode, handle, on ? TF32_TENSOR_OP_MATH : PEDANTIC_MATH);
    }

    public int version(long handle) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            check("cublasGetVersion", getVersion, handle, out);
            return out.get(JAVA_INT, 0);
        }
    }

    /**
     * Column-major C (m, n) = alpha op(A) op(B) + beta C over device pointers; F64 when dbl. Pointers are
     * byte addresses, leading dimensions in elements.
     */
    public void gemm(boolean dbl, long handle, int opA, int opB, int m, int n, int k, double alpha, long a, int lda,
                     long b, int ldb, double beta, long c, int ldc) {
        try (Arena ar = Arena.ofConfined()) {
            MemorySegment al = dbl ? ar.allocateFrom(JAVA_DOUBLE, alpha) : ar.allocateFrom(JAVA_FLOAT, (float) alpha);
            MemorySegment be = dbl ? ar.allocateFrom(JAVA_DOUBLE, beta) : ar.allocateFrom(JAVA_FLOAT, (float) beta);
            check(dbl ? "cublasDgemm" : "cublasSgemm", dbl ? dgemm : sgemm, handle, opA, opB, m, n, k, al, a, lda, b, ldb, be, c, ldc);
        }
    }

    /** As {@link #gemm} for batch matrices at strides (in elements) strideA/B/C; a stride of 0 reuses one matrix. */
    public void gemmStridedBatched(boolean dbl, long handle, int opA, int opB, int m, int n, int k, double alpha, long a, int lda,
                                   long strideA, long b, int ldb, long strideB, double beta, long c, int ldc, long strideC,
                                   int batch) {
        try (Arena ar = Arena.ofConfined()) {
            MemorySegment al = dbl ? ar.allocateFrom(JAVA_DOUBLE, alpha) : ar.allocateFrom(JAVA_FLOAT, (float) alpha);
            MemorySegment be = dbl ? ar.allocateFrom(JAVA_DOUBLE, beta) : ar.allocateFrom(JAVA_FLOAT, (float) beta);
            check(dbl ? "cublasDgemmStridedBatched" : "cublasSgemmStridedBatched", dbl ? dgemmBatched : sgemmBatched, handle,
                    opA, opB, m, n, k, al, a, lda, strideA, b, ldb, strideB, be, c, ldc, strideC, batch);
        }
    }
}
