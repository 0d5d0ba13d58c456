package dev.weft.tensor;

import dev.weft.tensor.core.Storage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A region whose tensors are released when it ends:
 * <pre>{@code
 * try (TensorScope s = TensorScope.open()) {
 *     Tensor h = x.matmul(w).relu();
 *     y = s.keep(h.sum(0));      // survives the scope
 * }                              // h, the matmul's output and every other storage allocated here are released
 * }</pre>
 * While a scope is open on a thread, every storage allocated on that thread for a new tensor (op outputs,
 * factories, {@code Tensor.of}, {@code to(device)}; on any device) is tracked by it; views allocate nothing.
 * {@link #close()} releases every tracked storage not {@link #keep kept}, in allocation order, as
 * {@link Tensor#close()} would; using any tensor over one afterwards throws an IllegalStateException naming
 * the op. Scopes nest: a tensor kept in an inner scope moves to the enclosing one (released when that ends),
 * or, from the outermost scope, is left to the garbage collector. Storage allocated before the scope opened
 * (parameters, inputs) is never touched, nor are in-place writes into it; but a gradient that
 * {@code backward()} creates inside a scope is the scope's, so keep it ({@code s.keep(p.grad())}) when it
 * must outlive the scope. A scope belongs to the thread that opened it and closes in reverse order of opening.
 */
public final class TensorScope implements AutoCloseable {
    private static final ThreadLocal<TensorScope> CURRENT = new ThreadLocal<>();

    private final TensorScope parent;
    private final Thread thread;
    private final Set<Storage> tracked = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Storage> order = new ArrayList<>();
    private boolean closed;

    private TensorScope(TensorScope parent) {
        this.parent = parent;
        this.thread = Thread.currentThread();
    }

    /**
     * Opens a scope on this thread, nested in the one already open, if any.
     *
     * @return the new scope
     */
    public static TensorScope open() {
        TensorScope s = new TensorScope(CURRENT.get());
        CURRENT.set(s);
        return s;
    }

    /** {@return the innermost open scope of this thread, or null} */
    public static TensorScope current() {
        return CURRENT.get();
    }

    /** Called for every storage allocated for a new tensor: the thread's open scope, if any, tracks it. */
    static void track(Storage s) {
        TensorScope c = CURRENT.get();
        if (c != null) c.add(s);
    }

    private void add(Storage s) {
        if (tracked.add(s)) order.add(s);
    }

    /**
     * Keeps {@code t}'s storage alive past this scope (moved to the enclosing scope, if any) and returns t.
     * A tensor whose storage this scope does not track (allocated before it opened, or already kept) is
     * returned unchanged. Errors: the scope is closed, or t's storage was already released.
     *
     * @param t the tensor to keep
     * @return t
     */
    public Tensor keep(Tensor t) {
        if (closed) throw new IllegalStateException("TensorScope.keep: the scope is already closed");
        t.storage().checkLive("TensorScope.keep");
        Storage s = t.storage();
        if (tracked.remove(s)) {
            order.remove(s);
            if (parent != null) parent.add(s);
        }
        return t;
    }

    /**
     * Keeps every tensor given (see {@link #keep(Tensor)}).
     *
     * @param ts the tensors to keep
     */
    public void keep(Tensor... ts) {
        for (Tensor t : ts) keep(t);
    }

    /**
     * Keeps every tensor of a collection (e.g. a module's gradients; see {@link #keep(Tensor)}).
     *
     * @param ts the tensors to keep
     */
    public void keepAll(Iterable<Tensor> ts) {
        for (Tensor t : ts) keep(t);
    }

    /**
     * How many storages this scope would release now.
     *
     * @return the number of storages
     */
    public int tracked() {
        return order.size();
    }

    /**
     * Releases every tracked storage and makes the enclosing scope current again. Closing twice does nothing.
     * Errors: called on another thread, or while a scope opened inside this one is still open.
     */
    @Override
    public void close() {
        if (closed) return;
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("TensorScope.close: the scope belongs to thread " + thread.getName()
                    + ", not " + Thread.currentThread().getName());
        }
        if (CURRENT.get() != this) {
            throw new IllegalStateException("TensorScope.close: a scope opened inside this one is still open;"
                    + " close scopes in reverse order of opening");
        }
        closed = true;
        if (parent == null) CURRENT.remove(); else CURRENT.set(parent);
        for (Storage s : order) s.release();
        order.clear();
        tracked.clear();
    }
}
