package dev.weft.cuda;

import dev.weft.tensor.backend.Backend;
import dev.weft.tensor.backend.BackendProvider;
import dev.weft.tensor.core.Device;

/**
 * Test-only provider (registered in the test resources): while {@link #enabled} is set it serves
 * {@link #DEVICE} with a {@link CudaBackend} over a {@link RecordingDevice}, so whole tensor programs go
 * through the CUDA executors without a GPU.
 */
public final class RecordingBackendProvider implements BackendProvider {
    /** The device index the recording backend serves (cuda:7: never a real device in these tests). */
    static final Device DEVICE = Device.cuda(7);
    static volatile boolean enabled;
    static final RecordingDevice RECORDER = new RecordingDevice();

    @Override
    public Device.Kind kind() {
        return Device.Kind.CUDA;
    }

    @Override
    public boolean available() {
        return enabled;
    }

    @Override
    public String unavailableReason() {
        return enabled ? "" : "the recording test device is off";
    }

    @Override
    public Backend create(Device device) {
        if (!device.equals(DEVICE)) throw new IllegalArgumentException("the recording test device serves only " + DEVICE);
        return new CudaBackend(new CudaContext(device, RECORDER));
    }
}
