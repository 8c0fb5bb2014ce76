package org.jepyc.cluster.worker;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.collection.IQueue;
import org.jepyc.cluster.protocol.Names;
import org.jepyc.cluster.protocol.ResultEnvelope;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.cluster.protocol.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back in the queue the batches whose worker died: those running on a member that has
 * left (one more attempt; past the retry limit the batch fails with a message), and those
 * queued but no longer in the queue (taken by a worker that died before claiming them). Run by
 * the oldest member when a member leaves, and periodically. Every change is a compare-and-set
 * of the batch's state, so a batch is re-queued once however many members reap at once.
 */
public final class Reaper {
    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
    private final HazelcastInstance hz;
    private final Signer signer;
    private final Set<String> unreadable = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param hz     this member
     * @param signer signs the failure results of batches past their retries
     */
    public Reaper(HazelcastInstance hz, Signer signer) {
        this.hz = hz;
        this.signer = signer;
    }

    /** @return true if this member is the oldest, the one that reaps */
    public boolean isOldest() {
        Set<Member> members = hz.getCluster().getMembers();
        return !members.isEmpty() && members.iterator().next().localMember();
    }

    /**
     * @param queuedToo also re-queue queued batches missing from the queue (after a member left)
     * @return the number of batches re-queued or failed
     */
    public int reap(boolean queuedToo) {
        Set<UUID> live = new HashSet<>();
        hz.getCluster().getMembers().forEach(m -> live.add(m.getUuid()));
        IMap<String, String> state = hz.getMap(Names.STATE);
        IQueue<String> queue = hz.getQueue(Names.QUEUE);
        Set<String> inQueue = queuedToo ? new HashSet<>(queue) : Set.of();
        int n = 0;
        for (Map.Entry<String, String> e : state.entrySet()) {
            String id = e.getKey();
            java.util.Optional<TaskState> parsed = TaskState.tryParse(e.getValue());
            if (parsed.isEmpty()) {
                if (unreadable.add(id)) {       // once per entry: the reaper runs every few seconds
                    LOG.warn("Skipped batch {}: its state '{}' is not one jepyc writes", id, abbreviate(e.getValue()));
                }
                continue;
            }
            TaskState st = parsed.get();
            if (st.running() && !live.contains(st.member())) {
                TaskState next = st.requeuedAfterLoss();
                if (next.exhausted()) {
                    n += fail(id, e.getValue(), next);
                } else if (state.replace(id, e.getValue(), next.format())) {
                    queue.offer(id);
                    LOG.warn("Batch {} lost its worker {}: queued again (attempt {} of {})", id, st.member(),
                            next.attempt() + 1, next.maxRetries() + 1);
                    n++;
                }
            } else if (queuedToo && !st.running() && !inQueue.contains(id)) {
                if (state.replace(id, e.getValue(), e.getValue())) {
                    queue.offer(id);
                    LOG.info("Batch {} was taken by a worker that left before claiming it: queued again", id);
                    n++;
                }
            }
        }
        return n;
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private int fail(String id, String old, TaskState next) {
        IMap<String, String> state = hz.getMap(Names.STATE);
        String msg = "Job lost its worker " + next.attempt() + " times (a worker process died while running it); "
                + "retries exhausted";
        // the result first, so that a client never sees the batch in neither map
        hz.<String, byte[]>getMap(Names.RESULTS).set(id, ResultEnvelope.failure(id, next.points(), msg).seal(signer));
        if (!state.remove(id, old)) {
            return 0;
        }
        hz.getMap(Names.TASKS).delete(id);
        LOG.error("Batch {}: {}", id, msg);
        return 1;
    }
}
