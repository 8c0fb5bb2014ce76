package org.jepyc.cluster.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Code bundles: named by their bytes, opened only with the cluster's key and under their own name. */
class CodeBundleTest {
    private static final Signer KEY = new Signer(new byte[32]);
    private static final Signer OTHER = new Signer("another secret, 32 bytes long!!!".getBytes());
    private static final String HASH_A = "a".repeat(64);

    private static CodeBundle bundle(byte version) {
        return new CodeBundle(Map.of("Sweep", new byte[] {(byte) 0xCA, version}, "REPL.$JShell$11$Sum", new byte[] {3}),
                Map.of("sweep.Square", HASH_A));
    }

    @Test
    void bytesAndNameDependOnlyOnTheContent() throws Exception {
        CodeBundle b = bundle((byte) 1);
        assertThat(CodeBundle.parse(b.toBytes()).toBytes()).isEqualTo(b.toBytes());
        assertThat(bundle((byte) 1).hash()).isEqualTo(b.hash());
        assertThat(bundle((byte) 2).hash()).isNotEqualTo(b.hash());
        assertThat(b.classNames()).containsExactly("REPL.$JShell$11$Sum", "Sweep");
        assertThat(b.classFile("Sweep")).containsExactly(0xCA, 1);
        assertThat(b.classFile("Other")).isNull();
        assertThat(b.requires()).containsExactly(Map.entry("sweep.Square", HASH_A));
        assertThat(new CodeBundle(Map.of(), Map.of("x.Y", HASH_A)).shipsNothing()).isTrue();
    }

    @Test
    void aBundleOpensOnlySignedWithTheKeyAndUnderItsOwnName() {
        CodeBundle b = bundle((byte) 1);
        byte[] sealed = b.seal(KEY);
        assertThat(CodeBundle.open(b.hash(), sealed, KEY).classNames()).isEqualTo(b.classNames());
        assertThatThrownBy(() -> CodeBundle.open(b.hash(), sealed, OTHER)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("signed with another secret");
        assertThatThrownBy(() -> CodeBundle.open(b.hash(), b.toBytes(), KEY)).isInstanceOf(SecurityException.class);
        CodeBundle other = bundle((byte) 2);
        assertThatThrownBy(() -> CodeBundle.open(b.hash(), other.seal(KEY), KEY)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("holds other code");
        byte[] tampered = sealed.clone();
        tampered[10] ^= 1;
        assertThatThrownBy(() -> CodeBundle.open(b.hash(), tampered, KEY)).isInstanceOf(SecurityException.class);
    }

    @Test
    void conflictsNameEveryClassTheWorkerHasOtherwiseOrLacks() {
        CodeBundle b = bundle((byte) 1);
        String sweepHash = CodeManifest.sha256(new byte[] {(byte) 0xCA, 1});
        assertThat(b.conflictsWith(new CodeManifest("w.jar", Map.of("sweep.Square", HASH_A)))).isEmpty();
        assertThat(b.conflictsWith(new CodeManifest("w.jar", Map.of("sweep.Square", HASH_A, "Sweep", sweepHash)))).isEmpty();
        List<String> c = b.conflictsWith(new CodeManifest("w.jar", Map.of("sweep.Square", "b".repeat(64), "Sweep", HASH_A)));
        assertThat(c).hasSize(2);
        assertThat(c.get(0)).startsWith("sweep.Square differs");
        assertThat(c.get(1)).startsWith("Sweep differs");
        assertThat(b.conflictsWith(new CodeManifest("", Map.of()))).containsExactly(
                "sweep.Square is not on the worker's experiment classpath");
    }

    @Test
    void anAllowListAdmitsABundlesClassesByExactName() {
        AllowList base = new AllowList(List.of("com.example"));
        AllowList withBundle = base.withClasses(List.of("Sweep", "REPL.$JShell$11$Sum"));
        assertThat(base.allows("Sweep")).isFalse();
        assertThat(withBundle.allows("Sweep")).isTrue();
        assertThat(withBundle.allows("REPL.$JShell$11$Sum")).isTrue();
        assertThat(withBundle.allows("REPL.$JShell$12$Other")).isFalse();
        assertThat(withBundle.allows("com.example.Sim")).isTrue();
        assertThat(withBundle.allows("SweepX")).isFalse();
    }
}
