package dev.weft.cuda.ffm;

/**
 * A failed call into libcuda, NVRTC or cuBLAS: the message names the backend, the call, the status
 * code's name and number, and a hint where one helps, e.g.
 * {@code cuda: cuMemAlloc failed: CUDA_ERROR_OUT_OF_MEMORY (2): device memory is exhausted ...}.
 */
public final class CudaException extends RuntimeException {
    private final String call;
    private final int code;
    private final String codeName;

    public CudaException(String call, int code, String codeName, String hint) {
        super("cuda: " + call + " failed: " + codeName + " (" + code + ")" + (hint == null || hint.isEmpty() ? "" : ": " + hint));
        this.call = call;
        this.code = code;
        this.codeName = codeName;
    }

    /** {@return the library function that failed, e.g. "cuMemAlloc"} */
    public String call() {
        return call;
    }

    /** {@return the numeric status code} */
    public int code() {
        return code;
    }

    /** {@return the status code's name, e.g. "CUDA_ERROR_OUT_OF_MEMORY"} */
    public String codeName() {
        return codeName;
    }

    /** Throws unless rc is CUDA_SUCCESS. */
    static void checkCu(String call, int rc) {
        if (rc != 0) throw new CudaException(call, rc, CudaStatus.cuResultName(rc), CudaStatus.cuResultHint(rc));
    }

    /** Throws unless rc is NVRTC_SUCCESS. */
    static void checkNvrtc(String call, int rc) {
        if (rc != 0) throw new CudaException(call, rc, CudaStatus.nvrtcResultName(rc), CudaStatus.nvrtcResultHint(rc));
    }

    /** Throws unless rc is CUBLAS_STATUS_SUCCESS. */
    static void checkCublas(String call, int rc) {
        if (rc != 0) throw new CudaException(call, rc, CudaStatus.cublasStatusName(rc), CudaStatus.cublasStatusHint(rc));
    }
}
