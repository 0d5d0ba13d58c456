package dev.weft.cuda.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;

/**
 * Downcalls into NVRTC (CUDA C++ -> PTX at run time; needs no GPU). Debian's libnvrtc11.2 installs
 * libnvrtc.so.11.2 (NVRTC 11.8); a CUDA toolkit has libnvrtc.so.12 or .13; -Dweft.cuda.nvrtc=PATH wins.
 * Every nvrtcResult is checked; a failed compile throws {@link NvrtcCompileException} with the log.
 */
@SuppressWarnings("restricted") // native access is this class's job (the JVM runs with --enable-native-access)
public final class Nvrtc {
    /** The exported symbols this class binds. */
    public static final List<String> SYMBOLS = List.of("nvrtcVersion", "nvrtcGetErrorString", "nvrtcCreateProgram",
            "nvrtcDestroyProgram", "nvrtcCompileProgram", "nvrtcGetProgramLogSize", "nvrtcGetProgramLog", "nvrtcGetPTXSize",
            "nvrtcGetPTX");

    /** Candidate library names, newest first. */
    public static final List<String> NAMES = List.of("libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so");

    private static final class Holder {
        static final NativeLibrary LIB = NativeLibrary.find("NVRTC", "weft.cuda.nvrtc", NAMES);
    }

    /** {@return the NVRTC library, looked up on first use} */
    public static NativeLibrary library() {
        return Holder.LIB;
    }

    private static final class Bound {
        static final Nvrtc INSTANCE = new Nvrtc(Holder.LIB);
    }

    /** {@return the bindings; an IllegalStateException with the reason when the library is missing} */
    public static Nvrtc get() {
        Holder.LIB.requireLoaded();
        return Bound.INSTANCE;
    }

    /** What a successful compile gives: the PTX text and the compiler's log (warnings; "" when clean). */
    public record Output(String ptx, String log) {}

    /** A compile error: the log holds the compiler's messages. */
    public static final class NvrtcCompileException extends RuntimeException {
        private final String log;

        NvrtcCompileException(String program, String options, String log) {
            super("cuda: NVRTC could not compile " + program + " (options " + options + "): NVRTC_ERROR_COMPILATION (6):\n" + log);
            this.log = log;
        }

        public String log() {
            return log;
        }
    }

    private final MethodHandle version, errorString, create, destroy, compile, logSize, getLog, ptxSize, getPtx;

    Nvrtc(NativeLibrary lib) {
        version = lib.downcall("nvrtcVersion", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        errorString = lib.downcall("nvrtcGetErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        create = lib.downcall("nvrtcCreateProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        destroy = lib.downcall("nvrtcDestroyProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        compile = lib.downcall("nvrtcCompileProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        logSize = lib.downcall("nvrtcGetProgramLogSize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        getLog = lib.downcall("nvrtcGetProgramLog", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        ptxSize = lib.downcall("nvrtcGetPTXSize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        getPtx = lib.downcall("nvrtcGetPTX", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    private static int rc(MethodHandle h, Object... args) {
        try {
            return (int) h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cuda: NVRTC downcall failed: " + t, t);
        }
    }

    /** {major, minor} of this NVRTC, e.g. {11, 8}. */
    public int[] version() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment major = a.allocate(JAVA_INT), minor = a.allocate(JAVA_INT);
            CudaException.checkNvrtc("nvrtcVersion", rc(version, major, minor));
            return new int[] {major.get(JAVA_INT, 0), minor.get(JAVA_INT, 0)};
        }
    }

    /** NVRTC's own name for an nvrtcResult. */
    public String errorString(int code) {
        try {
            MemorySegment p = (MemorySegment) errorString.invokeWithArguments(code);
            return p.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException("cuda: nvrtcGetErrorString downcall failed: " + t, t);
        }
    }

    /**
     * Compiles one program: source named programName, headers (include name -> text) that #include finds,
     * options such as --gpu-architecture=compute_80. Throws NvrtcCompileException with the log on a compile
     * error, CudaException for any other status.
     */
    public Output compile(String programName, String source, Map<String, String> headers, List<String> options) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment prog = a.allocate(ADDRESS);
            int n = headers.size();
            MemorySegment hdrs = a.allocate(ADDRESS, Math.max(1, n)), names = a.allocate(ADDRESS, Math.max(1, n));
            int i = 0;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                hdrs.setAtIndex(ADDRESS, i, a.allocateFrom(h.getValue()));
                names.setAtIndex(ADDRESS, i, a.allocateFrom(h.getKey()));
                i++;
            }
            CudaException.checkNvrtc("nvrtcCreateProgram(" + programName + ")", rc(create, prog, a.allocateFrom(source),
                    a.allocateFrom(programName), n, n == 0 ? MemorySegment.NULL : hdrs, n == 0 ? MemorySegment.NULL : names));
            MemorySegment handle = prog.get(ADDRESS, 0);
            try {
                MemorySegment opts = a.allocate(ADDRESS, Math.max(1, options.size()));
                for (int k = 0; k < options.size(); k++) opts.setAtIndex(ADDRESS, k, a.allocateFrom(options.get(k)));
                int crc = rc(compile, handle, options.size(), opts);
                String log = log(a, handle);
                if (crc == 6) throw new NvrtcCompileException(programName, String.join(" ", options), log);
                CudaException.checkNvrtc("nvrtcCompileProgram(" + programName + ")", crc);
                MemorySegment size = a.allocate(JAVA_LONG);
                CudaException.checkNvrtc("nvrtcGetPTXSize", rc(ptxSize, handle, size));
                MemorySegment ptx = a.allocate(size.get(JAVA_LONG, 0) + 1);
                CudaException.checkNvrtc("nvrtcGetPTX", rc(getPtx, handle, ptx));
                return new Output(ptx.getString(0), log);
            } finally {
                CudaException.checkNvrtc("nvrtcDestroyProgram", rc(destroy, prog));
            }
        }
    }

    private String log(Arena a, MemorySegment handle) {
        MemorySegment size = a.allocate(JAVA_LONG);
        CudaException.checkNvrtc("nvrtcGetProgramLogSize", rc(logSize, handle, size));
        long n = size.get(JAVA_LONG, 0);
        if (n <= 1) return "";
        MemorySegment buf = a.allocate(n + 1);
        CudaException.checkNvrtc("nvrtcGetProgramLog", rc(getLog, handle, buf));
        return buf.getString(0).strip();
    }
}
