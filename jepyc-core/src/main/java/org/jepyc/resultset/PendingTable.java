package org.jepyc.resultset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jobs submitted but not yet back: job id to the point's canonical parameters, in order added. */
public final class PendingTable {
    private final Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
    private long version;

    /** @return a number that changes whenever a job is added or removed, so views of the jobs can be kept until then */
    public long version() { return version; }

    /** @return the number of pending jobs */
    public int size() { return jobs.size(); }

    /** @param jobId a job id @return true if it is pending */
    public boolean contains(String jobId) { return jobs.containsKey(jobId); }

    /** @param jobId a new job id @param parameters its canonical parameters */
    public void add(String jobId, Map<String, Object> parameters) {
        jobs.put(jobId, Collections.unmodifiableMap(parameters));
        version++;
    }

    /** @param jobId a pending job @return its parameters, or null */
    public Map<String, Object> parameters(String jobId) { return jobs.get(jobId); }

    /** @param jobId a pending job @return its parameters, or null if it was not pending */
    public Map<String, Object> remove(String jobId) {
        Map<String, Object> removed = jobs.remove(jobId);
        if (removed != null) {
            version++;
        }
        return removed;
    }

    /** @return the pending job ids in the order they were added */
    public List<String> ids() { return new ArrayList<>(jobs.keySet()); }

    /** @param query a partial point @return ids of the jobs matching it */
    public List<String> matching(RowQuery query) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : jobs.entrySet()) {
            if (query.matches(e.getValue())) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
