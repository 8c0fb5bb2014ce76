package org.jepyc.resultset;

import java.time.LocalDateTime;
import java.util.List;


/**
 * Values as Python prints them with {@code str()}: epyc stores HDF5 attributes as that text, and
 * pandas writes CSV cells with it. Lists print their elements as {@code repr} does (strings
 * quoted), date-times as {@code datetime.__str__} (a space between date and time).
 */
public final class PythonText {

    private PythonText() { }

    /**
     * @param v a canonical value
     * @return the text Python's {@code str()} would give
     */
    public static String str(Object v) {
        return v instanceof String s ? s : repr(v, false);
    }

    private static String repr(Object v, boolean quoteStrings) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return PythonFloats.str(d);
        }
        if (v instanceof LocalDateTime t) {
            String s = Timestamps.format(t).replace('T', ' ');
            return quoteStrings ? "'" + s + "'" : s;
        }
        if (v instanceof ComplexValue z) {
            // Python drops the ".0" of whole parts: (1+2j), (1.5-0.5j)
            return "(" + PythonFloats.str(z.re()).replaceAll("\\.0$", "") + (z.im() < 0 ? "-" : "+")
                    + PythonFloats.str(Math.abs(z.im())).replaceAll("\\.0$", "") + "j)";
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(repr(l.get(i), true));
            }
            return b.append(']').toString();
        }
        if (v instanceof String s && quoteStrings) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return String.valueOf(v);
    }
}
