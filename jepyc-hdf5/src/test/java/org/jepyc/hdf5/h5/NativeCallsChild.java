package org.jepyc.hdf5.h5;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The process {@link NativeBindingTest} starts with a non-UTF-8 default charset: writes names
 * outside ASCII, makes several HDF5 calls fail, reads the names back, and prints {@code OK} if
 * everything came back as written and every failure surfaced as an {@link H5FileException}.
 */
public final class NativeCallsChild {

    static final String GROUP = "/grüppe-ψ";
    static final String TABLE = GROUP + "/täble-表";
    static final String FIELD = "naïve-🎲";
    static final String ATTRIBUTE = "ключ";

    private NativeCallsChild() { }

    /** @param args the HDF5 file to create */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        try (H5File f = H5File.create(file)) {
            Groups.create(f, GROUP);
            try (CompoundTable t = CompoundTable.create(f, TABLE, List.of(new Field(FIELD, FieldType.INT64)), 0, 4)) {
                t.write(Map.of(FIELD, new ColumnData.Longs(new long[] {7})), 0, 1);
                t.attributes().writeString(ATTRIBUTE, "значение");
            }
            // each fails inside HDF5, which would print its error stack on stderr were printing on
            List<Runnable> failing = List.of(
                    () -> Groups.create(f, GROUP),
                    () -> CompoundTable.open(f, "/absent"),
                    () -> f.attributes("/absent").names(),
                    () -> Groups.move(f, "/absent", "/elsewhere"));
            for (Runnable r : failing) {
                try {
                    r.run();
                    throw new AssertionError("did not fail");
                } catch (H5FileException expected) {
                    // what the test is after: an exception, and nothing printed
                }
            }
        }
        try (H5File f = H5File.open(file, true)) {
            check(Groups.listRoot(f).equals(List.of(GROUP.substring(1))), "group names " + Groups.listRoot(f));
            try (CompoundTable t = CompoundTable.open(f, TABLE)) {
                check(t.fieldNames().equals(List.of(FIELD)), "field names " + t.fieldNames());
                check(t.attributes().names().equals(List.of(ATTRIBUTE)), "attribute names " + t.attributes().names());
                check(t.attributes().readString(ATTRIBUTE).equals("значение"), "attribute value");
                check(t.readColumn(FIELD).equals(new ColumnData.Longs(new long[] {7})), "column");
            }
        }
        System.out.println("OK");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("wrong " + what);
        }
    }
}
