package dev.weft.nn;

import dev.weft.nn.attention.Activation;
import dev.weft.nn.functional.GeluApproximate;
import dev.weft.nn.functional.PadMode;
import dev.weft.nn.functional.Padding;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.PaddingMode;
import dev.weft.nn.loss.Reduction;
import dev.weft.nn.rnn.Nonlinearity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The option enums print and parse PyTorch's strings; a bad string fails listing the valid ones. */
class OptionEnumsTest {
    private static <E extends Enum<E>> void parsesTorchNames(E[] values, Function<String, E> of, List<String> torch) {
        assertEquals(torch, Arrays.stream(values).map(Object::toString).toList());
        for (E v : values) {
            assertSame(v, of.apply(v.toString()));
            assertSame(v, of.apply(v.name()));                                   // REFLECT as well as reflect
            assertSame(v, of.apply(" " + v.toString().toUpperCase(Locale.ROOT) + " "));
        }
    }

    @Test
    void everyEnumParsesPyTorchsStrings() {
        // the sets PyTorch accepts: Conv padding_mode, F.pad mode, Conv padding strings, GELU approximate,
        // TransformerEncoderLayer activation, RNN nonlinearity, loss reduction, init.calculate_gain nonlinearity
        parsesTorchNames(PaddingMode.values(), PaddingMode::of, List.of("zeros", "reflect", "replicate", "circular"));
        parsesTorchNames(PadMode.values(), PadMode::of, List.of("constant", "reflect", "replicate", "circular"));
        parsesTorchNames(Padding.values(), Padding::of, List.of("same", "valid"));
        parsesTorchNames(GeluApproximate.values(), GeluApproximate::of, List.of("none", "tanh"));
        parsesTorchNames(Activation.values(), Activation::of, List.of("relu", "gelu"));
        parsesTorchNames(Nonlinearity.values(), Nonlinearity::of, List.of("tanh", "relu"));
        parsesTorchNames(Reduction.values(), Reduction::of, List.of("none", "mean", "sum", "batchmean"));
        parsesTorchNames(Init.Nonlinearity.values(), Init.Nonlinearity::of, List.of("linear", "conv1d", "conv2d", "conv3d",
                "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"));
    }

    @Test
    void badStringsListTheValidValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> PaddingMode.of("refelct"));
        assertEquals("PaddingMode.of('refelct'): expected one of 'zeros', 'reflect', 'replicate', 'circular'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Activation.of("tanh"));
        assertEquals("Activation.of('tanh'): expected one of 'relu', 'gelu'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nonlinearity.of("sigmoid"));
        assertEquals("Nonlinearity.of('sigmoid'): expected one of 'tanh', 'relu'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Reduction.of("avg"));
        assertEquals("Reduction.of('avg'): expected one of 'none', 'mean', 'sum', 'batchmean'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Padding.of(null));
        assertEquals("Padding.of(null): expected one of 'same', 'valid'", e.getMessage());
    }

    @Test
    void convPaddingModesMapToPadModes() {
        assertEquals(List.of(PadMode.CONSTANT, PadMode.REFLECT, PadMode.REPLICATE, PadMode.CIRCULAR),
                Arrays.stream(PaddingMode.values()).map(PaddingMode::padMode).toList());
    }
}
