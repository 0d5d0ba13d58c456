package dev.weft.nn;

import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ContainersTest {
    @Test
    void sequentialNamesChildrenByPositionAndChainsForward() {
        Generator g = new Generator(1);
        Linear a = new Linear(4, 3, true, g), b = new Linear(3, 2, false, g);
        Sequential s = new Sequential(a, new ReLU(), b);
        assertEquals(List.of("0.weight", "0.bias", "2.weight"), List.copyOf(s.stateDict().keySet()));
        assertEquals(3, s.size());
        assertSame(b, s.get(-1));
        Tensor x = Tensor.randn(g, 5, 4);
        assertTrue(s.forward(x).allclose(b.forward(a.forward(x).relu()), 0, 0));
        s.append(new Identity());
        assertEquals(4, s.size());
        assertThrows(IndexOutOfBoundsException.class, () -> s.get(4));
    }

    @Test
    void sequentialPrintsLikeTheReferenceTree() {
        Sequential s = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10, false));
        assertEquals("Sequential(\n"
                + "  (0): Linear(in=784, out=256, bias=true)\n"
                + "  (1): ReLU()\n"
                + "  (2): Linear(in=256, out=10, bias=false)\n"
                + ")", s.toString());
    }

    @Test
    void moduleListAndDictRegisterInOrder() {
        ModuleList l = new ModuleList(new Linear(2, 2), new Linear(2, 3));
        l.add(new Linear(3, 1));
        assertEquals(3, l.size());
        assertEquals(6, l.parameters().size());
        assertEquals("2.bias", List.copyOf(l.namedParameters().keySet()).get(5));
        int n = 0;
        for (Module m : l) { assertInstanceOf(Linear.class, m); n++; }
        assertEquals(3, n);

        ModuleDict d = new ModuleDict();
        d.put("enc", new Linear(2, 2)).put("act", new ReLU()).put("dec", new Linear(2, 1));
        assertEquals(List.of("enc", "act", "dec"), List.copyOf(d.keys()));
        assertEquals(List.of("enc.weight", "enc.bias", "dec.weight", "dec.bias"), List.copyOf(d.stateDict().keySet()));
        Linear replaced = new Linear(2, 2);
        d.put("enc", replaced);
        assertSame(replaced, d.get("enc"));
        assertEquals(List.of("enc", "act", "dec"), List.copyOf(d.keys()));
        assertThrows(IllegalArgumentException.class, () -> d.get("nope"));

        LinkedHashMap<String, Module> named = new LinkedHashMap<>();
        named.put("fc", new Linear(2, 2));
        named.put("out", new Linear(2, 1));
        assertEquals(List.of("fc.weight", "fc.bias", "out.weight", "out.bias"),
                List.copyOf(new Sequential(named).stateDict().keySet()));
    }

    @Test
    void flattenAndUnflattenReshape() {
        Tensor x = Tensor.zeros(2, 3, 4, 5);
        assertArrayEquals(new int[] {2, 60}, new Flatten().forward(x).shape());
        assertArrayEquals(new int[] {2, 12, 5}, new Flatten(1, 2).forward(x).shape());
        assertArrayEquals(new int[] {2, 3, 2, 2, 5}, new Unflatten(2, 2, 2).forward(x).shape());
        assertEquals("Flatten(startDim=1, endDim=-1)", new Flatten().toString());
        assertSame(x, new Identity().forward(x));
    }
}
