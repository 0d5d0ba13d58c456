/** The backend SPI: {@link dev.weft.tensor.backend.Backend}, ServiceLoader providers and the registry. */
package dev.weft.tensor.backend;
