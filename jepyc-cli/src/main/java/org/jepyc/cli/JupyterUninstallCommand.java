package org.jepyc.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.jepyc.jupyter.KernelSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jepyc jupyter uninstall}: removes the kernel spec that install wrote. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove the Jupyter kernel \"Java (jepyc)\" (only a kernel spec jepyc wrote is removed).")
final class JupyterUninstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    KernelLocation location = new KernelLocation();

    @Override
    public Integer call() throws Exception {
        Path kernels = location.kernelsDir();
        Optional<Path> removed = KernelSpec.uninstall(kernels);
        if (removed.isEmpty()) {
            throw new IllegalArgumentException("No jepyc kernel installed in " + kernels);
        }
        spec.commandLine().getOut().printf("Removed the Jupyter kernel \"%s\" from %s%n", KernelSpec.DISPLAY_NAME, removed.get());
        return 0;
    }
}
