package dev.weft.cuda;

import dev.weft.tensor.backend.Backend;
import dev.weft.tensor.backend.BackendProvider;
import dev.weft.tensor.core.Device;

/**
 * Registers the CUDA backend with the tensor registry (META-INF/services). It offers a backend only when
 * {@link CudaProbe} found the driver and at least one device; otherwise its reason is the probe's (driver
 * library not found, no device, or the driver error by name).
 */
public final class CudaBackendProvider implements BackendProvider {
    /** The provider ServiceLoader instantiates; probing waits until it is asked. */
    public CudaBackendProvider() {}

    @Override
    public Device.Kind kind() {
        return Device.Kind.CUDA;
    }

    @Override
    public boolean available() {
        return CudaProbe.probe().available();
    }

    @Override
    public String unavailableReason() {
        CudaProbe.Result r = CudaProbe.probe();
        return r.available() ? "" : r.detail();
    }

    @Override
    public Backend create(Device device) {
        if (device.kind() != Device.Kind.CUDA) throw new IllegalArgumentException("cuda: cannot serve " + device);
        CudaProbe.Result r = CudaProbe.probe();
        if (!r.available()) throw new IllegalStateException("cuda: device " + device + " is not available: " + r.detail());
        if (device.index() >= r.deviceCount()) {
            throw new IllegalArgumentException("cuda: device " + device + " does not exist (" + r.deviceCount() + " device(s) found)");
        }
        return new CudaBackend(new CudaContext(device));
    }
}
