package dev.weft.tensor.backend;

import dev.weft.tensor.core.Device;

/**
 * Service-provider entry for optional backends (found with java.util.ServiceLoader; the CUDA module
 * registers one in META-INF/services/dev.weft.tensor.backend.BackendProvider).
 */
public interface BackendProvider {
    /** {@return the device kind this provider serves} */
    Device.Kind kind();

    /** {@return true if the backend can run here (driver present, device found, ...)} */
    boolean available();

    /**
     * Why {@link #available()} is false, in one line (e.g. "libcuda.so.1 not found"); "" when available.
     *
     * @return the reason, or "" when available
     */
    String unavailableReason();

    /**
     * {@return the backend for one device of this kind (called once per device; only when available())}
     *
     * @param device the device
     */
    Backend create(Device device);
}
