/**
 * SPI: how notebook formats plug into the core. A format module provides a
 * {@link org.jepyc.storage.NotebookFormat} as a service; {@link org.jepyc.storage.NotebookFormats}
 * chooses one by a file's extension; a format reads and writes through
 * {@link org.jepyc.storage.NotebookStorage}; {@link org.jepyc.storage.WriterLock} keeps to one
 * writing process per file. Exported to the format modules only.
 *
 * <p>It never imports {@code org.jepyc}: a format opens a file with a
 * {@link org.jepyc.storage.StorageMode} (the API maps its open mode onto it) and hands its notebook
 * back as an {@code AutoCloseable} that the API checks; the engine's own failures are
 * {@link org.jepyc.storage.StorageException}s, which the API reports as its
 * {@code NotebookException}. Format modules, built on the API, throw the API's exceptions directly.
 */
package org.jepyc.storage;
