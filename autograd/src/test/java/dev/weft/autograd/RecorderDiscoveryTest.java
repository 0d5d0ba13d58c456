package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.weft.tensor.Dispatch;
import org.junit.jupiter.api.Test;

/** The tape is found through ServiceLoader by the tensor layer itself, before any autograd class is used. */
class RecorderDiscoveryTest {
    @Test
    void dispatchFindsTheTapeWithoutAnAutogradClassBeingTouched() {
        assertInstanceOf(Tape.class, Dispatch.recorder());
        // Autograd.install() keeps a Tape that is already there; only discovery makes a second instance.
        assertNotSame(Tape.INSTANCE, Dispatch.recorder(), "the recorder came from Tape.install, not from ServiceLoader");
    }
}
