package dev.weft.cuda.ffm;

import java.util.Map;

/**
 * Names of the status codes the three libraries return (CUresult of the driver API, nvrtcResult,
 * cublasStatus_t), and a one-line hint for the codes a user can act on. The CUresult values are those of
 * cuda.h (CUDA 13.0); a code this table does not know prints as "CUresult N (unknown code)".
 */
public final class CudaStatus {
    private CudaStatus() {}

    /** CUDA_SUCCESS. */
    public static final int CUDA_SUCCESS = 0;
    /** CUDA_ERROR_NOT_INITIALIZED: cuInit was not called or failed. */
    public static final int CUDA_ERROR_NOT_INITIALIZED = 3;
    /** CUDA_ERROR_NO_DEVICE: the driver loaded but sees no CUDA device. */
    public static final int CUDA_ERROR_NO_DEVICE = 100;

    private static final Map<Integer, String> CU_RESULT = Map.ofEntries(
            Map.entry(0, "CUDA_SUCCESS"),
            Map.entry(1, "CUDA_ERROR_INVALID_VALUE"),
            Map.entry(2, "CUDA_ERROR_OUT_OF_MEMORY"),
            Map.entry(3, "CUDA_ERROR_NOT_INITIALIZED"),
            Map.entry(4, "CUDA_ERROR_DEINITIALIZED"),
            Map.entry(5, "CUDA_ERROR_PROFILER_DISABLED"),
            Map.entry(6, "CUDA_ERROR_PROFILER_NOT_INITIALIZED"),
            Map.entry(7, "CUDA_ERROR_PROFILER_ALREADY_STARTED"),
            Map.entry(8, "CUDA_ERROR_PROFILER_ALREADY_STOPPED"),
            Map.entry(34, "CUDA_ERROR_STUB_LIBRARY"),
            Map.entry(36, "CUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER"),
            Map.entry(46, "CUDA_ERROR_DEVICE_UNAVAILABLE"),
            Map.entry(100, "CUDA_ERROR_NO_DEVICE"),
            Map.entry(101, "CUDA_ERROR_INVALID_DEVICE"),
            Map.entry(102, "CUDA_ERROR_DEVICE_NOT_LICENSED"),
            Map.entry(200, "CUDA_ERROR_INVALID_IMAGE"),
            Map.entry(201, "CUDA_ERROR_INVALID_CONTEXT"),
            Map.entry(202, "CUDA_ERROR_CONTEXT_ALREADY_CURRENT"),
            Map.entry(205, "CUDA_ERROR_MAP_FAILED"),
            Map.entry(206, "CUDA_ERROR_UNMAP_FAILED"),
            Map.entry(207, "CUDA_ERROR_ARRAY_IS_MAPPED"),
            Map.entry(208, "CUDA_ERROR_ALREADY_MAPPED"),
            Map.entry(209, "CUDA_ERROR_NO_BINARY_FOR_GPU"),
            Map.entry(210, "CUDA_ERROR_ALREADY_ACQUIRED"),
            Map.entry(211, "CUDA_ERROR_NOT_MAPPED"),
            Map.entry(212, "CUDA_ERROR_NOT_MAPPED_AS_ARRAY"),
            Map.entry(213, "CUDA_ERROR_NOT_MAPPED_AS_POINTER"),
            Map.entry(214, "CUDA_ERROR_ECC_UNCORRECTABLE"),
            Map.entry(215, "CUDA_ERROR_UNSUPPORTED_LIMIT"),
            Map.entry(216, "CUDA_ERROR_CONTEXT_ALREADY_IN_USE"),
            Map.entry(217, "CUDA_ERROR_PEER_ACCESS_UNSUPPORTED"),
            Map.entry(218, "CUDA_ERROR_INVALID_PTX"),
            Map.entry(219, "CUDA_ERROR_INVALID_GRAPHICS_CONTEXT"),
            Map.entry(220, "CUDA_ERROR_NVLINK_UNCORRECTABLE"),
            Map.entry(221, "CUDA_ERROR_JIT_COMPILER_NOT_FOUND"),
            Map.entry(222, "CUDA_ERROR_UNSUPPORTED_PTX_VERSION"),
            Map.entry(223, "CUDA_ERROR_JIT_COMPILATION_DISABLED"),
            Map.entry(224, "CUDA_ERROR_UNSUPPORTED_EXEC_AFFINITY"),
            Map.entry(225, "CUDA_ERROR_UNSUPPORTED_DEVSIDE_SYNC"),
            Map.entry(226, "CUDA_ERROR_CONTAINED"),
            Map.entry(300, "CUDA_ERROR_INVALID_SOURCE"),
            Map.entry(301, "CUDA_ERROR_FILE_NOT_FOUND"),
            Map.entry(302, "CUDA_ERROR_SHARED_OBJECT_SYMBOL_NOT_FOUND"),
            Map.entry(303, "CUDA_ERROR_SHARED_OBJECT_INIT_FAILED"),
            Map.entry(304, "CUDA_ERROR_OPERATING_SYSTEM"),
            Map.entry(400, "CUDA_ERROR_INVALID_HANDLE"),
            Map.entry(401, "CUDA_ERROR_ILLEGAL_STATE"),
            Map.entry(402, "CUDA_ERROR_LOSSY_QUERY"),
            Map.entry(500, "CUDA_ERROR_NOT_FOUND"),
            Map.entry(600, "CUDA_ERROR_NOT_READY"),
            Map.entry(700, "CUDA_ERROR_ILLEGAL_ADDRESS"),
            Map.entry(701, "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES"),
            Map.entry(702, "CUDA_ERROR_LAUNCH_TIMEOUT"),
            Map.entry(703, "CUDA_ERROR_LAUNCH_INCOMPATIBLE_TEXTURING"),
            Map.entry(704, "CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED"),
            Map.entry(705, "CUDA_ERROR_PEER_ACCESS_NOT_ENABLED"),
            Map.entry(708, "CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE"),
            Map.entry(709, "CUDA_ERROR_CONTEXT_IS_DESTROYED"),
            Map.entry(710, "CUDA_ERROR_ASSERT"),
            Map.entry(711, "CUDA_ERROR_TOO_MANY_PEERS"),
            Map.entry(712, "CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED"),
            Map.entry(713, "CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED"),
            Map.entry(714, "CUDA_ERROR_HARDWARE_STACK_ERROR"),
            Map.entry(715, "CUDA_ERROR_ILLEGAL_INSTRUCTION"),
            Map.entry(716, "CUDA_ERROR_MISALIGNED_ADDRESS"),
            Map.entry(717, "CUDA_ERROR_INVALID_ADDRESS_SPACE"),
            Map.entry(718, "CUDA_ERROR_INVALID_PC"),
            Map.entry(719, "CUDA_ERROR_LAUNCH_FAILED"),
            Map.entry(720, "CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE"),
            Map.entry(721, "CUDA_ERROR_TENSOR_MEMORY_LEAK"),
            Map.entry(800, "CUDA_ERROR_NOT_PERMITTED"),
            Map.entry(801, "CUDA_ERROR_NOT_SUPPORTED"),
            Map.entry(802, "CUDA_ERROR_SYSTEM_NOT_READY"),
            Map.entry(803, "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH"),
            Map.entry(804, "CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE"),
            Map.entry(805, "CUDA_ERROR_MPS_CONNECTION_FAILED"),
            Map.entry(806, "CUDA_ERROR_MPS_RPC_FAILURE"),
            Map.entry(807, "CUDA_ERROR_MPS_SERVER_NOT_READY"),
            Map.entry(808, "CUDA_ERROR_MPS_MAX_CLIENTS_REACHED"),
            Map.entry(809, "CUDA_ERROR_MPS_MAX_CONNECTIONS_REACHED"),
            Map.entry(810, "CUDA_ERROR_MPS_CLIENT_TERMINATED"),
            Map.entry(811, "CUDA_ERROR_CDP_NOT_SUPPORTED"),
            Map.entry(812, "CUDA_ERROR_CDP_VERSION_MISMATCH"),
            Map.entry(900, "CUDA_ERROR_STREAM_CAPTURE_UNSUPPORTED"),
            Map.entry(901, "CUDA_ERROR_STREAM_CAPTURE_INVALIDATED"),
            Map.entry(902, "CUDA_ERROR_STREAM_CAPTURE_MERGE"),
            Map.entry(903, "CUDA_ERROR_STREAM_CAPTURE_UNMATCHED"),
            Map.entry(904, "CUDA_ERROR_STREAM_CAPTURE_UNJOINED"),
            Map.entry(905, "CUDA_ERROR_STREAM_CAPTURE_ISOLATION"),
            Map.entry(906, "CUDA_ERROR_STREAM_CAPTURE_IMPLICIT"),
            Map.entry(907, "CUDA_ERROR_CAPTURED_EVENT"),
            Map.entry(908, "CUDA_ERROR_STREAM_CAPTURE_WRONG_THREAD"),
            Map.entry(909, "CUDA_ERROR_TIMEOUT"),
            Map.entry(910, "CUDA_ERROR_GRAPH_EXEC_UPDATE_FAILURE"),
            Map.entry(911, "CUDA_ERROR_EXTERNAL_DEVICE"),
            Map.entry(912, "CUDA_ERROR_INVALID_CLUSTER_SIZE"),
            Map.entry(913, "CUDA_ERROR_FUNCTION_NOT_LOADED"),
            Map.entry(914, "CUDA_ERROR_INVALID_RESOURCE_TYPE"),
            Map.entry(915, "CUDA_ERROR_INVALID_RESOURCE_CONFIGURATION"),
            Map.entry(916, "CUDA_ERROR_KEY_ROTATION"),
            Map.entry(999, "CUDA_ERROR_UNKNOWN"));

    private static final Map<Integer, String> CU_HINT = Map.ofEntries(
            Map.entry(1, "an argument is out of range (a null pointer, a zero size, a bad attribute)"),
            Map.entry(2, "device memory is exhausted: free tensors, call CudaBackend.emptyCache(), or use smaller batches"),
            Map.entry(3, "cuInit was not called or failed; the backend calls it once before anything else"),
            Map.entry(34, "the loaded libcuda is a stub (from a toolkit, not a driver); install the NVIDIA driver"),
            Map.entry(36, "the call needs a newer driver than the one installed; update the NVIDIA driver"),
            Map.entry(46, "the device is busy or in exclusive-process mode held by another process"),
            Map.entry(100, "the driver library loaded but found no CUDA device (no GPU, or the kernel module is not loaded)"),
            Map.entry(101, "the device index is >= the device count"),
            Map.entry(200, "the module image is not valid PTX/cubin for this driver"),
            Map.entry(201, "no CUDA context is current on this thread; the backend makes its primary context current per call"),
            Map.entry(209, "no kernel image for this GPU: the PTX targets a newer architecture than the device"),
            Map.entry(218, "the driver's PTX JIT rejected the PTX; the NVRTC version may be newer than the driver"),
            Map.entry(222, "the PTX was made by an NVRTC newer than this driver; update the driver or use an older NVRTC"),
            Map.entry(500, "a kernel name was not found in the module; check the kernel catalog against the .cu source"),
            Map.entry(700, "a kernel read or wrote outside its buffers; the context is unusable until the process restarts"),
            Map.entry(701, "too many threads or too much shared memory per block for this kernel"),
            Map.entry(719, "a kernel failed on the device; the context is unusable until the process restarts"),
            Map.entry(999, "an unknown driver error; see dmesg for NVIDIA driver messages"));

    private static final Map<Integer, String> NVRTC_RESULT = Map.ofEntries(
            Map.entry(0, "NVRTC_SUCCESS"),
            Map.entry(1, "NVRTC_ERROR_OUT_OF_MEMORY"),
            Map.entry(2, "NVRTC_ERROR_PROGRAM_CREATION_FAILURE"),
            Map.entry(3, "NVRTC_ERROR_INVALID_INPUT"),
            Map.entry(4, "NVRTC_ERROR_INVALID_PROGRAM"),
            Map.entry(5, "NVRTC_ERROR_INVALID_OPTION"),
            Map.entry(6, "NVRTC_ERROR_COMPILATION"),
            Map.entry(7, "NVRTC_ERROR_BUILTIN_OPERATION_FAILURE"),
            Map.entry(8, "NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION"),
            Map.entry(9, "NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION"),
            Map.entry(10, "NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID"),
            Map.entry(11, "NVRTC_ERROR_INTERNAL_ERROR"),
            Map.entry(12, "NVRTC_ERROR_TIME_FILE_WRITE_FAILED"));

    private static final Map<Integer, String> NVRTC_HINT = Map.ofEntries(
            Map.entry(5, "an option is not known to this NVRTC version (e.g. an architecture newer than it supports)"),
            Map.entry(6, "the CUDA C source did not compile; the program log has the compiler's messages"),
            Map.entry(7, "NVRTC could not load its builtins library (libnvrtc-builtins.so next to libnvrtc)"));

    private static final Map<Integer, String> CUBLAS_STATUS = Map.ofEntries(
            Map.entry(0, "CUBLAS_STATUS_SUCCESS"),
            Map.entry(1, "CUBLAS_STATUS_NOT_INITIALIZED"),
            Map.entry(3, "CUBLAS_STATUS_ALLOC_FAILED"),
            Map.entry(7, "CUBLAS_STATUS_INVALID_VALUE"),
            Map.entry(8, "CUBLAS_STATUS_ARCH_MISMATCH"),
            Map.entry(11, "CUBLAS_STATUS_MAPPING_ERROR"),
            Map.entry(13, "CUBLAS_STATUS_EXECUTION_FAILED"),
            Map.entry(14, "CUBLAS_STATUS_INTERNAL_ERROR"),
            Map.entry(15, "CUBLAS_STATUS_NOT_SUPPORTED"),
            Map.entry(16, "CUBLAS_STATUS_LICENSE_ERROR"));

    private static final Map<Integer, String> CUBLAS_HINT = Map.ofEntries(
            Map.entry(1, "the cuBLAS handle was not created (cublasCreate failed or no context is current)"),
            Map.entry(3, "cuBLAS could not allocate its workspace: device memory is exhausted"),
            Map.entry(7, "a GEMM argument is invalid (m, n, k < 0 or a leading dimension smaller than its rows)"),
            Map.entry(8, "the device lacks a feature this call needs (e.g. TF32 before sm_80)"),
            Map.entry(13, "the GEMM kernel failed to launch on the device"));

    /**
     * {@return the CUresult's name, e.g. "CUDA_ERROR_NO_DEVICE", or "CUresult N (unknown code)"}
     * @param code a CUresult value as the driver returned it
     */
    public static String cuResultName(int code) {
        String n = CU_RESULT.get(code);
        return n != null ? n : "CUresult " + code + " (unknown code)";
    }

    /**
     * {@return true if the table knows this CUresult}
     * @param code a CUresult value
     */
    public static boolean knowsCuResult(int code) {
        return CU_RESULT.containsKey(code);
    }

    /** {@return every CUresult value the table knows} */
    public static java.util.Set<Integer> cuResultCodes() {
        return CU_RESULT.keySet();
    }

    /**
     * {@return a hint for a CUresult, or "" when there is none}
     * @param code a CUresult value
     */
    public static String cuResultHint(int code) {
        return CU_HINT.getOrDefault(code, "");
    }

    /**
     * {@return the nvrtcResult's name, e.g. "NVRTC_ERROR_COMPILATION", or "nvrtcResult N (unknown code)"}
     * @param code an nvrtcResult value
     */
    public static String nvrtcResultName(int code) {
        String n = NVRTC_RESULT.get(code);
        return n != null ? n : "nvrtcResult " + code + " (unknown code)";
    }

    /**
     * {@return a hint for an nvrtcResult, or ""}
     * @param code an nvrtcResult value
     */
    public static String nvrtcResultHint(int code) {
        return NVRTC_HINT.getOrDefault(code, "");
    }

    /**
     * {@return the cublasStatus_t's name, e.g. "CUBLAS_STATUS_INVALID_VALUE", or "cublasStatus N (unknown code)"}
     * @param code a cublasStatus_t value
     */
    public static String cublasStatusName(int code) {
        String n = CUBLAS_STATUS.get(code);
        return n != null ? n : "cublasStatus " + code + " (unknown code)";
    }

    /**
     * {@return a hint for a cublasStatus_t, or ""}
     * @param code a cublasStatus_t value
     */
    public static String cublasStatusHint(int code) {
        return CUBLAS_HINT.getOrDefault(code, "");
    }
}
