package org.jepyc.cluster.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InvalidClassException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jepyc.ExperimentalConfiguration;
import org.jepyc.cluster.client.Batch;
import org.jepyc.cluster.client.BatchBuilder;
import org.jepyc.cluster.testexp.Sum;
import org.junit.jupiter.api.Test;

/** The signed envelopes, the allow-list and the task states, without a cluster. */
class ProtocolTest {
    private static final Signer KEY = new Signer(new byte[32]);
    private static final Signer OTHER = new Signer("another secret, 32 bytes long!!!".getBytes());

    @Test
    void tasksOpenOnlyWithTheirKeyAndId() throws Exception {
        List<ExperimentalConfiguration> eps = new ArrayList<>();
        Sum e = new Sum();
        for (long a = 0; a < 5; a++) {
            eps.add(new ExperimentalConfiguration(e, Map.of("a", a)));
        }
        List<Batch> batches = new BatchBuilder(KEY).build(eps, 2);
        assertThat(batches).hasSize(3);
        Batch b = batches.get(0);
        byte[] payload = TaskEnvelope.open(b.id(), b.envelope(), KEY);
        PayloadCodec codec = new PayloadCodec(new AllowList(List.of()), getClass().getClassLoader());
        TaskPayload t = codec.read(payload, TaskPayload.class);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.experiments()).isEqualTo(1);
        assertThat(t.experimentOf(0)).isEqualTo(t.experimentOf(1)).isZero();
        assertThat(t.bundle()).isEmpty();
        assertThat(codec.read(t.experimentBytes(0), org.jepyc.Experiment.class)).isInstanceOf(Sum.class);

        assertThatThrownBy(() -> TaskEnvelope.open(b.id(), b.envelope(), OTHER)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("signed with another secret");
        assertThatThrownBy(() -> TaskEnvelope.open(batches.get(1).id(), b.envelope(), KEY)).isInstanceOf(SecurityException.class);
        byte[] tampered = b.envelope().clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> TaskEnvelope.open(b.id(), tampered, KEY)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> TaskEnvelope.open(b.id(), new byte[3], KEY)).isInstanceOf(SecurityException.class);
    }

    @Test
    void allowListRejectsOtherClassesBeforeTheyLoad() throws Exception {
        byte[] bytes = PayloadCodec.write(new java.util.ArrayList<>(List.of(new outsiders.Outsider())));
        PayloadCodec strict = new PayloadCodec(new AllowList(List.of()), getClass().getClassLoader());
        assertThatThrownBy(() -> strict.read(bytes, java.util.ArrayList.class)).isInstanceOf(InvalidClassException.class);
        PayloadCodec lenient = new PayloadCodec(new AllowList(List.of("outsiders")), getClass().getClassLoader());
        assertThat(lenient.read(bytes, java.util.ArrayList.class)).hasSize(1);
        assertThat(new AllowList(List.of("com.example")).allows("com.example.Sim")).isTrue();
        assertThat(new AllowList(List.of("com.example")).allows("com.examples.Sim")).isFalse();
    }

    @Test
    void resultsAreSignedToo() {
        ResultEnvelope r = ResultEnvelope.failure("jb-1", 3, "no such class");
        byte[] sealed = r.seal(KEY);
        assertThat(ResultEnvelope.open("jb-1", sealed, KEY).message()).isEqualTo("no such class");
        assertThatThrownBy(() -> ResultEnvelope.open("jb-1", sealed, OTHER)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> ResultEnvelope.open("jb-2", sealed, KEY)).isInstanceOf(SecurityException.class);
    }

    @Test
    void taskStatesRoundTrip() {
        UUID m = UUID.randomUUID();
        TaskState q = TaskState.queued(3, 17);
        assertThat(TaskState.parse(q.format())).isEqualTo(q);
        TaskState r = q.claimedBy(m);
        assertThat(TaskState.parse(r.format())).isEqualTo(r);
        TaskState lost = r.requeuedAfterLoss().claimedBy(m).requeuedAfterLoss().claimedBy(m).requeuedAfterLoss()
                .claimedBy(m).requeuedAfterLoss();
        assertThat(lost.attempt()).isEqualTo(4);
        assertThat(lost.exhausted()).isTrue();
        assertThat(Names.batchOf(Names.jobId("jb-x", 3))).isEqualTo("jb-x");
        assertThat(Names.indexOf(Names.jobId("jb-x", 3))).isEqualTo(3);
        assertThat(Names.batchOf("some-ipyparallel-id")).isNull();
        assertThat(BatchBuilder.automaticSize(100_000, 2)).isEqualTo(256);
        assertThat(BatchBuilder.automaticSize(20, 2)).isEqualTo(2);
    }
}
