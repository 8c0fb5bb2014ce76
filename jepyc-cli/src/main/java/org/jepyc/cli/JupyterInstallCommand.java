package org.jepyc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jepyc.jupyter.KernelSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jepyc jupyter install}: writes the kernel spec that runs notebooks on this jepyc's jars. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install the Jupyter kernel \"Java (jepyc)\" (the rapaio Java kernel with jepyc's jars, as built "
                + "here, on its class path). Install again after moving or rebuilding jepyc elsewhere.")
final class JupyterInstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    KernelLocation location = new KernelLocation();

    @Override
    public Integer call() throws Exception {
        Path dir = KernelSpec.ofCurrentJvm().install(location.kernelsDir());
        spec.commandLine().getOut().printf("Installed the Jupyter kernel \"%s\" in %s%n", KernelSpec.DISPLAY_NAME, dir);
        if (location.prefix != null) {
            spec.commandLine().getOut().printf("Start Jupyter with JUPYTER_PATH=%s so that it finds it%n",
                    location.prefix.toAbsolutePath().resolve("share/jupyter"));
        }
        return 0;
    }
}
