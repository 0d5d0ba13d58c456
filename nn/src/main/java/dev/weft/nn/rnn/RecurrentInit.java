package dev.weft.nn.rnn;

import dev.weft.tensor.Generator;

/** Where recurrent layers built without an explicit generator draw their weights from. */
final class RecurrentInit {
    private RecurrentInit() {}

    private static final Generator DEFAULT = new Generator(0x5EED_0F_BEEFL);

    /** A fresh stream split from one process-wide seeded generator (so two layers differ). */
    static Generator defaultGenerator() {
        return DEFAULT.split();
    }
}
