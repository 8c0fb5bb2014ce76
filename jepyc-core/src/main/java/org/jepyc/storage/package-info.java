/**
 * SPI: how notebook formats plug into the core. A format module provides a
 * {@link org.jepyc.storage.NotebookFormat} as a service; {@link org.jepyc.storage.NotebookFormats}
 * chooses one by a file's extension; a format reads and writes through
 * {@link org.jepyc.storage.NotebookStorage}; {@link org.jepyc.storage.WriterLock} keeps to one
 * writing process per file. Exported to the format modules only.
 */
package org.jepyc.storage;
