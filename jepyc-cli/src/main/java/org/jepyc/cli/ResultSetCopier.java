package org.jepyc.cli;

import org.jepyc.LabNotebook;
import org.jepyc.ResultSet;
import org.jepyc.ResultsDict;

/** Copies result sets between notebooks, in either format. */
final class ResultSetCopier {

    private ResultSetCopier() { }

    /**
     * Copies a set's rows (failures included), description and attributes into a new set of
     * the destination, which becomes current there. Pending jobs and the lock stay behind, as
     * in epyc: the jobs belong to the source's lab.
     *
     * @param from   the source set
     * @param to     the destination notebook
     * @param newTag the new set's tag, which must not exist
     */
    static void copy(ResultSet from, LabNotebook to, String newTag) {
        ResultSet rs = to.addResultSet(newTag, from.description());
        for (String k : from.attributeNames()) {
            rs.setAttribute(k, from.getAttribute(k));
        }
        for (ResultsDict r : from.results()) {
            rs.addSingleResult(r);
        }
    }

    /**
     * Copies everything of a notebook into an empty one: every set with its rows, pending jobs,
     * attributes, description and lock, the current set, and the notebook's description and lock.
     *
     * @param from the source
     * @param to   a new, empty notebook
     */
    static void copyAll(LabNotebook from, LabNotebook to) {
        to.setDescription(from.description());
        for (String tag : from.resultSets()) {
            ResultSet src = from.resultSet(tag);
            copy(src, to, tag);
            ResultSet dst = to.resultSet(tag);
            for (String job : src.pendingResults()) {
                dst.addPendingResult(src.pendingResultParameters(job), job);
            }
            if (src.isFinished() && !from.isFinished()) {
                dst.finish();
            }
        }
        to.select(from.currentTag());
        if (from.isFinished()) {      // finished, not merely opened read-only
            to.finish();
        }
    }
}
