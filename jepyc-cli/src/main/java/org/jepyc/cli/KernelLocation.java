package org.jepyc.cli;

import java.nio.file.Path;

import org.jepyc.jupyter.KernelSpec;
import picocli.CommandLine.Option;

/** Where a kernel spec goes: the user's Jupyter data directory (the default) or an installation prefix. */
final class KernelLocation {

    @Option(names = "--user", description = "In your Jupyter data directory ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter; the default).")
    boolean user;

    @Option(names = "--prefix", paramLabel = "DIR", description = "Under DIR/share/jupyter/kernels, as Jupyter's own --prefix "
            + "(then start Jupyter with JUPYTER_PATH=DIR/share/jupyter).")
    Path prefix;

    /** @return the kernels directory chosen */
    Path kernelsDir() {
        return prefix != null ? KernelSpec.prefixKernelsDir(prefix) : KernelSpec.userKernelsDir();
    }
}
