package dev.weft.nn.io;

import dev.weft.nn.Module;
import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.optim.OptimizerStateDict;
import dev.weft.nn.train.AtomicFileCheckpointer;
import dev.weft.nn.train.Checkpoint;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trainer checkpoints as single safetensors files: the model's state dict under {@code model.},
 * the optimizer's state (its flat tensor form) under {@code optimizer.}, and step, epoch, the
 * optimizer's options and the scheduler's state as text metadata. Written atomically (a
 * temporary file in the same folder, fsync, rename), so a crash never leaves a half-written
 * checkpoint; {@link #resume} restores model and optimizer, validating everything before either is
 * changed. The scheduler's state is recorded for reading, not restored.
 */
public final class Checkpoints {
    private Checkpoints() {}

    static final String MODEL = "model.", OPTIMIZER = "optimizer.";

    /**
     * A checkpointer writing {@code dir/step-00001000.safetensors} and so on.
     *
     * @param dir the folder the checkpoints go to
     * @return a checkpointer for {@link dev.weft.nn.train.Trainer}
     */
    public static AtomicFileCheckpointer safetensors(Path dir) {
        return new AtomicFileCheckpointer(dir, "step-%08d.safetensors", Checkpoints::write);
    }

    /**
     * Writes one checkpoint to {@code file}.
     *
     * @param c the step, epoch, model and optimizer state to save
     * @param file the file to create or replace
     * @throws IOException if the file cannot be written (the previous one stays as it was)
     */
    public static void write(Checkpoint c, Path file) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "weft-checkpoint");
        meta.put("step", Long.toString(c.step()));
        meta.put("epoch", Integer.toString(c.epoch()));
        c.model().forEach((k, v) -> tensors.put(MODEL + k, v));
        if (c.optimizer() != null) {
            OptimizerStateDict.Flat flat = c.optimizer().toTensors();
            flat.tensors().forEach((k, v) -> tensors.put(OPTIMIZER + k, v));
            flat.metadata().forEach((k, v) -> meta.put(OPTIMIZER + k, v));
        }
        if (c.scheduler() != null) c.scheduler().forEach((k, v) -> meta.put("scheduler." + k, text(v)));
        Safetensors.write(file, tensors, meta);
    }

    private static String text(Object v) {
        if (v instanceof double[] d) return java.util.Arrays.toString(d);
        if (v instanceof int[] i) return java.util.Arrays.toString(i);
        if (v instanceof long[] l) return java.util.Arrays.toString(l);
        return String.valueOf(v);
    }

    /**
     * Restores {@code model} (strict) and, if given, {@code optimizer} from a checkpoint file; returns
     * the step it was taken at. Both are checked before either is changed: a bad file or a mismatch is
     * an exception and nothing is touched.
     *
     * @param file a file written by {@link #write}
     * @param model the model to restore
     * @param optimizer the optimizer to restore, or null
     * @return the step the checkpoint was taken at
     * @throws IOException if the file cannot be read or is not a Weft checkpoint
     */
    public static long resume(Path file, Module model, Optimizer optimizer) throws IOException {
        SafetensorsFile f = Safetensors.read(file);
        Map<String, Tensor> modelState = new LinkedHashMap<>(), optTensors = new LinkedHashMap<>();
        Map<String, String> optMeta = new LinkedHashMap<>();
        f.tensors().forEach((k, v) -> {
            if (k.startsWith(MODEL)) modelState.put(k.substring(MODEL.length()), v);
            else if (k.startsWith(OPTIMIZER)) optTensors.put(k.substring(OPTIMIZER.length()), v);
        });
        f.metadata().forEach((k, v) -> {
            if (k.startsWith(OPTIMIZER)) optMeta.put(k.substring(OPTIMIZER.length()), v);
        });
        String step = f.metadata().get("step");
        if (!"weft-checkpoint".equals(f.metadata().get("format")) || step == null) {
            throw new IOException("checkpoint " + file + ": not a Weft checkpoint (metadata format="
                    + f.metadata().get("format") + ", step=" + step + ")");
        }
        // everything is parsed and checked before the model or the optimizer changes
        long at = count(file, "step", step);
        String epoch = f.metadata().get("epoch");
        if (epoch != null) count(file, "epoch", epoch);
        OptimizerStateDict opt;
        Map<String, Tensor> before = snapshot(model);
        try {
            opt = optimizer == null ? null : OptimizerStateDict.fromTensors(new OptimizerStateDict.Flat(optTensors, optMeta));
            if (opt != null) optimizer.checkStateDict(opt);
            model.loadStateDict(modelState, true);     // strict: checks every key and shape before copying
        } catch (IllegalArgumentException bad) {
            throw new IOException("checkpoint " + file + ": " + bad.getMessage(), bad);
        }
        if (optimizer != null) {
            try {
                optimizer.loadStateDict(opt);
            } catch (RuntimeException e) {
                model.loadStateDict(before, true);
                throw e;
            }
        }
        return at;
    }

    private static long count(Path file, String key, String text) throws IOException {
        try {
            long v = Long.parseLong(text);
            if (v >= 0) return v;
        } catch (NumberFormatException notANumber) {
            // NOTE: reported below with the file and the key
        }
        throw new IOException("checkpoint " + file + ": metadata '" + key + "' is '" + text + "', expected a count >= 0");
    }

    private static Map<String, Tensor> snapshot(Module model) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> copy.put(k, v.detach().clone()));
        return copy;
    }
}
