package dev.weft.nn;

import dev.weft.autograd.Autograd;
import dev.weft.nn.layers.BatchNorm1d;
import dev.weft.nn.layers.Dropout;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The Module core: registration order, dotted names, sharing, state dicts, modes, dtype, printing. */
class ModuleTest {
    private static final Generator G = new Generator(11);

    /** A block registering, in order: parameter a, buffer stat, child fc, parameter b, child act, buffer tmp (non-persistent). */
    static final class Block extends Module {
        Block() {
            registerParameter("a", Tensor.ones(2));
            registerBuffer("stat", Tensor.zeros(2));
            registerModule("fc", new Linear(2, 2, true, G));
            registerParameter("b", Tensor.zeros(3));
            registerModule("act", new ReLU());
            registerBuffer("tmp", Tensor.zeros(1), false);
            registerParameter("empty", null);
        }

        @Override
        public Tensor forward(Tensor x) {
            return ((Module) child("act")).forward(child("fc").forward(x.mul(param("a"))));
        }
    }

    /** Registers the tensors it is given, to build sharing. */
    static final class Holder extends Module {
        Holder(Tensor w, Module child) {
            registerParameter("w", w);
            if (child != null) registerModule("child", child);
        }
    }

    @Test
    void registrationOrderAndDottedNames() {
        Sequential net = new Sequential(new Block(), new Block());
        assertEquals(List.of("0.a", "0.b", "0.fc.weight", "0.fc.bias", "1.a", "1.b", "1.fc.weight", "1.fc.bias"),
                List.copyOf(net.namedParameters().keySet()));
        assertEquals(List.of("0.stat", "0.tmp", "1.stat", "1.tmp"), List.copyOf(net.namedBuffers().keySet()));
        // state dict: per module own params, own persistent buffers, then children
        assertEquals(List.of("0.a", "0.b", "0.stat", "0.fc.weight", "0.fc.bias", "1.a", "1.b", "1.stat", "1.fc.weight", "1.fc.bias"),
                List.copyOf(net.stateDict().keySet()));
        assertEquals(List.of("", "0", "0.fc", "0.act", "1", "1.fc", "1.act"), List.copyOf(net.namedModules().keySet()));
        assertEquals(2 * (2 + 3 + 4 + 2), net.numParameters());
    }

    @Test
    void sharedParametersAndModulesAreListedOnce() {
        Linear shared = new Linear(3, 3, true, G);
        Sequential net = new Sequential(shared, new ReLU(), shared);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(List.of("", "0", "1"), List.copyOf(net.namedModules().keySet()));
        Tensor tied = Tensor.ones(2, 2);
        Holder h = new Holder(tied, new Holder(tied, null));
        assertEquals(List.of("w"), List.copyOf(h.namedParameters().keySet()));
        assertEquals(1, h.parameters().size());
        // the state dict keeps both names, as PyTorch's does
        assertEquals(List.of("w", "child.w"), List.copyOf(h.stateDict().keySet()));
    }

    @Test
    void stateDictRoundTripReproducesTheModel() {
        Sequential a = new Sequential(new Linear(3, 4, true, new Generator(1)), new BatchNorm1d(4), new Linear(4, 2, true, new Generator(2)));
        Sequential b = new Sequential(new Linear(3, 4, true, new Generator(3)), new BatchNorm1d(4), new Linear(4, 2, true, new Generator(4)));
        a.forward(Tensor.randn(G, 5, 3));                    // moves a's running stats
        Tensor x = Tensor.randn(G, 6, 3);
        a.eval();
        b.eval();
        assertFalse(a.forward(x).allclose(b.forward(x), 1e-3, 1e-3));
        b.loadStateDict(a.stateDict());
        assertTrue(a.forward(x).equal(b.forward(x)));
        for (var e : a.stateDict().entrySet()) {
            Tensor other = b.stateDict().get(e.getKey());
            assertTrue(e.getValue().equal(other), e.getKey());
            assertNotSame(e.getValue(), other, "values are copied, not aliased");
        }
        assertEquals(DType.I64, b.stateDict().get("1.num_batches_tracked").dtype());
        assertEquals(1, b.stateDict().get("1.num_batches_tracked").itemLong());
    }

    @Test
    void loadStateDictReportsEveryProblemAtOnceAndChangesNothing() {
        Sequential m = new Sequential(new Linear(3, 4, true, G), new Linear(4, 2, true, G));
        Map<String, Tensor> before = new HashMap<>();
        m.stateDict().forEach((k, v) -> before.put(k, v.clone()));
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("0.weight", Tensor.zeros(4, 3));                // fits: must not be copied either
        bad.put("0.bias", Tensor.zeros(5));                     // shape mismatch
        bad.put("1.weight", Tensor.zeros(3, 4));                // shape mismatch
        bad.put("2.weight", Tensor.zeros(1));                   // unexpected
        // 1.bias missing
        StateDictException e = assertThrows(StateDictException.class, () -> m.loadStateDict(bad));
        assertEquals(List.of("1.bias"), e.missingKeys());
        assertEquals(List.of("2.weight"), e.unexpectedKeys());
        assertEquals(2, e.shapeMismatches().size());
        assertTrue(e.getMessage().contains("0.bias: checkpoint (5,), model (4,)"), e.getMessage());
        assertTrue(e.getMessage().contains("1.weight: checkpoint (3, 4), model (2, 4)"), e.getMessage());
        m.stateDict().forEach((k, v) -> assertTrue(v.equal(before.get(k)), k + " changed"));
        // non-strict: missing/unexpected reported, not thrown; shape problems still throw
        Map<String, Tensor> partial = new LinkedHashMap<>();
        partial.put("0.weight", Tensor.ones(4, 3));
        partial.put("extra", Tensor.ones(1));
        Module.LoadResult r = m.loadStateDict(partial, false);
        assertEquals(List.of("0.bias", "1.weight", "1.bias"), r.missingKeys());
        assertEquals(List.of("extra"), r.unexpectedKeys());
        assertEquals(12.0, m.stateDict().get("0.weight").sum().item());
        assertThrows(StateDictException.class, () -> m.loadStateDict(Map.of("0.bias", Tensor.zeros(7)), false));
    }

    @Test
    void trainEvalPropagatesAndSwitchesDropout() {
        Sequential net = new Sequential(new Linear(2, 2, true, G), new Sequential(new Dropout(Dropout.options().p(0.5)
                .generator(new Generator(1)))));
        net.eval();
        for (Module m : net.modules()) assertFalse(m.isTraining());
        Tensor x = Tensor.ones(4, 2);
        assertTrue(net.forward(x).equal(net.forward(x)));
        net.train();
        for (Module m : net.modules()) assertTrue(m.isTraining());
    }

    @Test
    void toF64CastsFloatsKeepsIntegerBuffersAndLeaves() {
        Sequential net = new Sequential(new Linear(2, 3, true, G), new BatchNorm1d(3));
        net.to(DType.F64);
        for (Tensor p : net.parameters()) {
            assertEquals(DType.F64, p.dtype());
            assertTrue(p.requiresGrad());
            assertTrue(Autograd.isLeaf(p));
        }
        assertEquals(DType.F64, net.namedBuffers().get("1.running_mean").dtype());
        assertEquals(DType.I64, net.namedBuffers().get("1.num_batches_tracked").dtype());
        Tensor y = net.forward(Tensor.randn(G, DType.F64, 4, 2));
        Autograd.backward(y.sum());
        assertNotNull(net.parameters().get(0).grad());
        net.zeroGrad();
        assertNull(net.parameters().get(0).grad());
    }

    @Test
    void tiedWeightsStayTiedAcrossDtypeConversion() {
        Tensor tied = Tensor.ones(2, 2);
        Holder h = new Holder(tied, new Holder(tied, null));
        h.to(DType.F64);
        assertSame(h.ownParameters().get("w"), h.child("child").ownParameters().get("w"));
        assertEquals(DType.F64, h.ownParameters().get("w").dtype());
        Linear shared = new Linear(2, 2, true, G);
        Sequential net = new Sequential(shared, shared);
        net.to(DType.F64);
        assertSame(net.get(0), net.get(1));
        assertEquals(2, net.parameters().size());
    }

    @Test
    void printsANestedTreeInTheReferenceLayout() {
        Sequential net = new Sequential(new Linear(2, 3), new Sequential(new ReLU(), new Linear(3, 1, false)), new BatchNorm1d(1));
        assertEquals("Sequential(\n"
                + "  (0): Linear(in=2, out=3, bias=true)\n"
                + "  (1): Sequential(\n"
                + "    (0): ReLU()\n"
                + "    (1): Linear(in=3, out=1, bias=false)\n"
                + "  )\n"
                + "  (2): BatchNorm1d(1, eps=1e-05, momentum=0.1, affine=true, trackRunningStats=true)\n"
                + ")", net.toString());
    }

    @Test
    void badRegistrationsAreRejected() {
        class Bad extends Module {
            Bad(String name) {
                registerParameter("w", Tensor.ones(1));
                registerBuffer(name, Tensor.ones(1));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Bad("w"));
        assertThrows(IllegalArgumentException.class, () -> new Bad("a.b"));
        class IntParam extends Module {
            IntParam() { registerParameter("w", Tensor.of(1L, 2L)); }
        }
        assertThrows(IllegalArgumentException.class, IntParam::new);
    }
}
