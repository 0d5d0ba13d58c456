package dev.weft.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.weft.tensor.Backends;
import dev.weft.tensor.backend.BackendProvider;
import dev.weft.tensor.core.Device;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Discovery: ServiceLoader finds the provider; without a GPU it offers nothing and every message carries the probe's reason. */
class CudaBackendProviderTest {
    @Test
    void serviceLoaderFindsTheProvider() {
        boolean found = false;
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p instanceof CudaBackendProvider) {
                found = true;
                assertEquals(Device.Kind.CUDA, p.kind());
            }
        }
        assertTrue(found, "CudaBackendProvider is not registered in META-INF/services");
    }

    @Test
    void withoutADeviceTheRegistrySaysWhy() {
        CudaBackendProvider p = new CudaBackendProvider();
        assumeFalse(p.available(), "a CUDA device is present");
        String reason = p.unavailableReason();
        assertEquals(CudaProbe.probe().detail(), reason);
        assertTrue(Backends.describe().contains("cuda: unavailable (" + reason + ")"), Backends.describe().toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Backends.forDevice(Device.cuda(0)));
        assertTrue(e.getMessage().contains("device cuda:0 is not available") && e.getMessage().contains(reason), e.getMessage());
        assertFalse(Backends.isAvailable(Device.cuda(0)));
        assertThrows(IllegalStateException.class, () -> p.create(Device.cuda(0)));
        assertThrows(IllegalArgumentException.class, () -> p.create(Device.CPU));
    }

    @Test
    void infoLinesNameTheStatusAndTheLibraries() {
        assertEquals(CudaProbe.probe().toString(), CudaInfo.status());
        var lines = CudaInfo.libraries();
        assertEquals(CudaProbe.probe().available() ? 3 : 2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("NVRTC "), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("cuBLAS "), lines.toString());
    }
}
