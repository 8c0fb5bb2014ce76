package org.jepyc.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jepyc.Experiment;
import org.jepyc.RepeatedExperiment;
import org.jepyc.ResultsDict;
import org.jepyc.SummaryExperiment;
import org.jepyc.cluster.InMemoryProgram;
import org.jepyc.cluster.client.CodeCheck;
import org.jepyc.cluster.client.CodePlan;
import org.jepyc.cluster.protocol.AllowList;
import org.jepyc.cluster.protocol.CodeBundle;
import org.jepyc.cluster.protocol.CodeManifest;
import org.jepyc.cluster.protocol.PayloadCodec;
import org.jepyc.cluster.protocol.Signer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client plans what to ship (classes no jar holds, with the classes they name) and refuses
 * what it cannot; a worker defines a bundle's classes only after checking it, in a loader of its
 * own, and runs the experiment with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedCodeTest {
    private static final Signer KEY = new Signer(new byte[32]);
    private static final Signer OTHER = new Signer("another secret, 32 bytes long!!!".getBytes());
    private static final CodeManifest NOTHING = new CodeManifest("", Map.of());
    private static final String SWEEP = """
            import java.util.Map;
            import org.jepyc.Experiment;
            public class Sweep extends Experiment {
                static final class Helper {
                    static long twice(long x) { return 2 * x; }
                }
                @Override
                protected Map<String, ?> perform(Map<String, Object> p) {
                    return Map.of("y", Helper.twice((Long) p.get("x")));
                }
                public static Experiment lambda() {
                    return Experiment.of(p -> Map.of("z", Helper.twice((Long) p.get("x")) + 1));
                }
            }
            """;

    @TempDir
    Path dir;
    private InMemoryProgram program;

    @BeforeAll
    void compile(@TempDir Path scratch) throws Exception {
        program = InMemoryProgram.compile(scratch, Map.of("Sweep.java", SWEEP));
    }

    @AfterAll
    void close() throws Exception {
        program.close();
    }

    private Experiment sweep() throws Exception {
        return (Experiment) program.load("Sweep").getConstructor().newInstance();
    }

    private static CodePlan plan(Experiment e, Map<String, CodeManifest> workers) {
        return CodeCheck.plan(CodeCheck.classesOf(List.of(e)), workers);
    }

    @Test
    void classesNoJarHoldsAreShippedWithTheClassesTheyName() throws Exception {
        CodePlan wrapped = plan(new SummaryExperiment(new RepeatedExperiment(sweep(), 2)), Map.of("w:1", NOTHING));
        assertThat(wrapped.bundle().classNames()).containsExactly("Sweep", "Sweep$Helper");
        assertThat(wrapped.workersCode()).containsOnlyKeys("w:1");
        CodePlan lambda = plan((Experiment) program.call("Sweep", "lambda"), Map.of("w:1", NOTHING));
        assertThat(lambda.bundle().classNames()).as("a lambda travels as its capturing class").contains("Sweep", "Sweep$Helper");
    }

    @Test
    void aClassTheWorkersHaveIsNeverShippedAndMustBeIdentical() throws Exception {
        String sweepHash = CodeManifest.hashOf("Sweep", program.load("Sweep").getClassLoader()).orElseThrow();
        CodeManifest same = new CodeManifest("sweep.jar", Map.of("Sweep", sweepHash));
        CodePlan p = plan(sweep(), Map.of("w:1", same));
        assertThat(p.bundle().classNames()).containsExactly("Sweep$Helper");
        assertThat(p.bundle().requires()).containsEntry("Sweep", sweepHash);

        CodeManifest stale = new CodeManifest("sweep.jar", Map.of("Sweep", "0".repeat(64)));
        assertThatThrownBy(() -> plan(sweep(), Map.of("w:1", same, "w:2", stale))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refused to submit").hasMessageContaining("Sweep differs")
                .hasMessageContaining("on worker w:2").hasMessageContaining("jepyc cluster start -n N --classpath JARS");
    }

    @Test
    void aClassFromAJarIsNeverShipped() {
        Set<Class<?>> fromAJar = Set.of(org.assertj.core.api.Assertions.class);
        assertThatThrownBy(() -> CodeCheck.plan(fromAJar, Map.of("w:1", NOTHING))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.assertj.core.api.Assertions is not on the experiment classpath of worker w:1")
                .hasMessageContaining("classes from jars are not shipped");
    }

    @Test
    void aWorkerRunsShippedCodeInALoaderOfItsOwn() throws Exception {
        CodePlan p = plan(new SummaryExperiment(new RepeatedExperiment(sweep(), 2)), Map.of("w:1", NOTHING));
        CodeBundle b = p.bundle();
        Map<String, byte[]> store = new HashMap<>(Map.of(b.hash(), b.seal(KEY)));
        BundleLoaders loaders = new BundleLoaders(store::get, KEY, NOTHING, getClass().getClassLoader(), new AllowList(List.of()));
        PayloadCodec codec = loaders.codec(b.hash());
        assertThat(loaders.codec(b.hash())).as("loaded once, by name").isSameAs(codec);

        Experiment e = codec.read(PayloadCodec.write(new SummaryExperiment(new RepeatedExperiment(sweep(), 2))), Experiment.class);
        ResultsDict r = e.set(Map.of("x", 21L)).run();
        assertThat(r.success()).as(r.metadata().toString()).isTrue();
        assertThat(((Number) r.results().get("y_mean")).doubleValue()).isEqualTo(42.0);

        Experiment l = codec.read(PayloadCodec.write((Experiment) program.call("Sweep", "lambda")), Experiment.class);
        assertThat(l.set(Map.of("x", 5L)).run().results()).containsEntry("z", 11L);
        Class<?> shipped = codec.loader().loadClass("Sweep");
        assertThat(shipped).isNotSameAs(program.load("Sweep"));
        assertThat(shipped.getClassLoader().getName()).startsWith("jepyc-bundle-");
    }

    @Test
    void aWorkerRefusesForgedOrConflictingBundlesBeforeDefiningAnything() throws Exception {
        CodeBundle b = plan(sweep(), Map.of("w:1", NOTHING)).bundle();
        AllowList allow = new AllowList(List.of());
        Map<String, byte[]> forged = Map.of(b.hash(), b.seal(OTHER));
        assertThatThrownBy(() -> new BundleLoaders(forged::get, KEY, NOTHING, getClass().getClassLoader(), allow).codec(b.hash()))
                .isInstanceOf(SecurityException.class).hasMessageContaining("signed with another secret");
        assertThatThrownBy(() -> new BundleLoaders(k -> null, KEY, NOTHING, getClass().getClassLoader(), allow).codec(b.hash()))
                .isInstanceOf(SecurityException.class).hasMessageContaining("is not in the cluster");

        Map<String, byte[]> store = Map.of(b.hash(), b.seal(KEY));
        CodeManifest other = new CodeManifest("old.jar", Map.of("Sweep$Helper", "0".repeat(64)));
        assertThatThrownBy(() -> new BundleLoaders(store::get, KEY, other, getClass().getClassLoader(), allow).codec(b.hash()))
                .isInstanceOf(SecurityException.class).hasMessageContaining("Sweep$Helper differs");
    }
}
