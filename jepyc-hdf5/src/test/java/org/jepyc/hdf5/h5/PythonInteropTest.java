package org.jepyc.hdf5.h5;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that other HDF5 readers accept what we write: h5dump (the reference C reader) and h5py
 * (what epyc and pandas use). Skipped where Debian's /usr/bin/python3 lacks h5py or h5dump is missing.
 */
@SystemTest
class PythonInteropTest {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    @Test
    void h5dumpReadsTheFileAndSeesEpycsTypes() throws Exception {
        assumeTrue(run(List.of("h5dump", "--version")).exit == 0, "h5dump not installed");
        Path p = written();
        Result r = run(List.of("h5dump", p.toString()));
        assertThat(r.exit).as(r.out).isZero();
        String out = r.out.replaceAll("\\s+", " ");
        assertThat(out)
                .contains("H5T_STD_I64LE \"i64\"", "H5T_STD_I32LE \"i32\"", "H5T_STD_U8LE \"u8\"",
                        "H5T_IEEE_F64LE \"f64\"", "H5T_IEEE_F32LE \"f32\"",
                        "H5T_ENUM { H5T_STD_I8LE; \"FALSE\" 0; \"TRUE\" 1; } \"flag\"",
                        "H5T_STRING { STRSIZE H5T_VARIABLE; STRPAD H5T_STR_NULLTERM; CSET H5T_CSET_UTF8; CTYPE H5T_C_S1; } \"name\"",
                        "H5T_COMPOUND { H5T_IEEE_F64LE \"r\"; H5T_IEEE_F64LE \"i\"; } \"z\"",
                        "H5T_VLEN { H5T_STD_I64LE} \"ints\"",
                        "DATASPACE SIMPLE { ( 13 ) / ( H5S_UNLIMITED ) }");
    }

    @Test
    void h5pyReadsValuesAndTypes() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import h5py")).exit == 0,
                "/usr/bin/python3 has no h5py");
        Path p = written();
        Path script = tmp.resolve("check_h5py.py");
        try (InputStream in = getClass().getResourceAsStream("check_h5py.py")) {
            Files.copy(in, script);
        }
        Result r = run(List.of(PYTHON.toString(), script.toString(), p.toString()));
        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out.strip()).isEqualTo("OK");
    }

    private Path written() {
        Path p = tmp.resolve("interop.h5");
        try (H5File f = H5File.create(p)) {
            RoundTripTest.writeTable(f);
        }
        return p;
    }

    private record Result(int exit, String out) {}

    private static Result run(List<String> cmd) throws InterruptedException {
        try {
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!proc.waitFor(60, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return new Result(-1, out + "\n(timed out)");
            }
            return new Result(proc.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        }
    }
}
