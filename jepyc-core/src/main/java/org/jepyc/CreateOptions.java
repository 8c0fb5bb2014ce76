package org.jepyc;

/**
 * The options of {@link Lab#createWith}, epyc's keyword arguments.
 *
 * @param description         description of the new result set (null: "Results collected on" now)
 * @param propagate           rethrow an exception from the creation function (else return false)
 * @param delete              delete the half-built set if the function fails
 * @param finish              lock the set once the function succeeds
 * @param deleteAllParameters clear the lab's parameters before calling the function
 */
public record CreateOptions(String description, boolean propagate, boolean delete,
                            boolean finish, boolean deleteAllParameters) {

    /** @return epyc's defaults: no description, propagate, delete, don't finish, clear parameters */
    public static CreateOptions defaults() {
        return new CreateOptions(null, true, true, false, true);
    }

    /** @param d the description @return a copy with it */
    public CreateOptions withDescription(String d) {
        return new CreateOptions(d, propagate, delete, finish, deleteAllParameters);
    }

    /** @param b rethrow failures @return a copy with it */
    public CreateOptions withPropagate(boolean b) {
        return new CreateOptions(description, b, delete, finish, deleteAllParameters);
    }

    /** @param b delete the set on failure @return a copy with it */
    public CreateOptions withDelete(boolean b) {
        return new CreateOptions(description, propagate, b, finish, deleteAllParameters);
    }

    /** @param b lock the set on success @return a copy with it */
    public CreateOptions withFinish(boolean b) {
        return new CreateOptions(description, propagate, delete, b, deleteAllParameters);
    }

    /** @param b clear the parameters first @return a copy with it */
    public CreateOptions withDeleteAllParameters(boolean b) {
        return new CreateOptions(description, propagate, delete, finish, b);
    }
}
