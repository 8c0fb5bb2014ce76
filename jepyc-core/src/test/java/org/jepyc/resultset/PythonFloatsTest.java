package org.jepyc.resultset;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jepyc.json.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Floats written as Python's repr writes them (the right-hand side is what CPython prints). */
class PythonFloatsTest {

    @ParameterizedTest
    @CsvSource({
        "1e-05, 1e-05",
        "9.999999999999999e-06, 9.999999999999999e-06",
        "100000.0, 100000.0",
        "1e16, 1e+16",
        "1e15, 1000000000000000.0",
        "0.0001, 0.0001",
        "0.5, 0.5",
        "0.1, 0.1",
        "1.5, 1.5",
        "123456789012345678, 1.2345678901234568e+17",
        "4.9E-324, 5e-324",
        "1.7976931348623157E308, 1.7976931348623157e+308",
        "-2.5e-07, -2.5e-07",
        "-0.0, -0.0",
        "0.0, 0.0",
        "6.999999999999999e-06, 6.999999999999999e-06",
        "0.000214, 0.000214",
        "-0.711785342369123, -0.711785342369123",
        "2e-3, 0.002",
        "1e22, 1e+22",
        "1e23, 1e+23",
        "9.5, 9.5",
        "NaN, NaN",
        "Infinity, Infinity",
        "-Infinity, -Infinity",
    })
    void reprMatchesCPython(double d, String python) {
        assertThat(PythonFloats.repr(d)).isEqualTo(python);
    }

    @Test
    @SystemTest
    void reprMatchesThePythonOnThisMachineOnRandomDoubles(@TempDir Path dir) throws Exception {
        String py = Fixtures.python();
        assumeTrue(py != null, "no python3 here");
        SplittableRandom rnd = new SplittableRandom(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double d;
            switch (i % 4) {
                case 0: d = Double.longBitsToDouble(rnd.nextLong()); break;
                case 1: d = rnd.nextDouble() * Math.pow(10, rnd.nextInt(-12, 20)); break;
                case 2: d = Math.round(rnd.nextDouble() * 1000) / Math.pow(10, rnd.nextInt(0, 8)); break;
                default: d = Double.longBitsToDouble(rnd.nextLong(1, 1L << 20)); break;   // subnormals
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            lines.add(Long.toHexString(Double.doubleToRawLongBits(d)) + " " + PythonFloats.repr(d));
        }
        Path in = dir.resolve("floats.txt");
        Files.write(in, lines, StandardCharsets.US_ASCII);
        String script = "import struct,sys\n"
                + "bad=0\n"
                + "for line in open(sys.argv[1]):\n"
                + "    h,r=line.split()\n"
                + "    d=struct.unpack('>d',bytes.fromhex(h.rjust(16,'0')))[0]\n"
                + "    if repr(d)!=r:\n"
                + "        bad+=1\n"
                + "        if bad<10: print(h,repr(d),r)\n"
                + "print('bad',bad)\n";
        Process p = new ProcessBuilder(py, "-c", script, in.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.trim()).isEqualTo("bad 0");
    }
}
