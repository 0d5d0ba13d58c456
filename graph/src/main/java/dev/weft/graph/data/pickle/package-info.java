/** A strict, whitelist-only reader for the Python 2 pickles of the Planetoid files; it never executes anything. */
package dev.weft.graph.data.pickle;
