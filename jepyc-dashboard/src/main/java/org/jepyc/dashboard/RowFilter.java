package org.jepyc.dashboard;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dflib.DataFrame;
import org.dflib.Series;

/**
 * The table's filter: clauses separated by commas, all of which a row must meet. A clause is
 * {@code column OP value} with OP one of {@code = != < <= > >= ~} ({@code ~}: contains,
 * ignoring case), compared as numbers in numeric columns and as text otherwise; any other
 * clause is text that some text cell of the row must contain, ignoring case (text columns only:
 * writing out every number of a million rows to search it would take seconds; numbers are
 * matched with {@code column=value}).
 */
final class RowFilter {
    private static final Pattern CLAUSE = Pattern.compile("^\\s*(.+?)\\s*(<=|>=|!=|=|<|>|~)\\s*(.*?)\\s*$");

    private final List<Clause> clauses;

    private RowFilter(List<Clause> clauses) {
        this.clauses = clauses;
    }

    /**
     * @param text    the filter as typed
     * @param columns the table's column names
     * @return the filter
     * @throws IllegalArgumentException naming the clause if a comparison with a number is not one
     */
    static RowFilter parse(String text, List<String> columns) {
        List<Clause> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = CLAUSE.matcher(part);
            if (m.matches() && columns.contains(m.group(1))) {
                out.add(new Clause(m.group(1), m.group(2), m.group(3)));
            } else {
                out.add(new Clause(null, "~", part.trim()));
            }
        }
        return new RowFilter(out);
    }

    /** @return true if no clause restricts the rows */
    boolean isEmpty() {
        return clauses.isEmpty();
    }

    /**
     * @param df the rows
     * @return the rows that meet every clause
     */
    BitSet matching(DataFrame df) {
        BitSet rows = new BitSet(df.height());
        rows.set(0, df.height());
        for (Clause c : clauses) {
            c.keep(df, rows);
        }
        return rows;
    }

    private record Clause(String column, String op, String value) {

        void keep(DataFrame df, BitSet rows) {
            if (column == null) {
                String needle = value.toLowerCase(Locale.ROOT);
                List<Series<?>> all = new ArrayList<>();
                for (String name : df.getColumnsIndex().toArray()) {
                    if (isText(df.getColumn(name))) {
                        all.add(df.getColumn(name));
                    }
                }
                for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
                    boolean hit = false;
                    for (Series<?> s : all) {
                        if (s.get(i) instanceof String v && v.toLowerCase(Locale.ROOT).contains(needle)) {
                            hit = true;
                            break;
                        }
                    }
                    if (!hit) {
                        rows.clear(i);
                    }
                }
                return;
            }
            Series<?> s = df.getColumn(column);
            boolean numeric = isNumeric(s);
            double target = numeric && !op.equals("~") ? number(value) : 0;
            for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
                Object v = s.get(i);
                boolean keep;
                if (v == null) {
                    keep = op.equals("!=");
                } else if (op.equals("~")) {
                    keep = Cells.text(v).toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
                } else if (numeric && v instanceof Number x) {
                    keep = holds(Double.compare(x.doubleValue(), target));
                } else if (numeric && v instanceof Boolean b) {
                    keep = holds(Double.compare(b ? 1 : 0, target));
                } else {
                    keep = holds(Cells.text(v).compareTo(value));
                }
                if (!keep) {
                    rows.clear(i);
                }
            }
        }

        private boolean holds(int cmp) {
            return switch (op) {
                case "=" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                default -> cmp >= 0;
            };
        }

        /** Booleans compare as numbers too, so {@code status=false} and {@code status=0} agree. */
        private double number(String text) {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return t.equals("true") ? 1 : 0;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Filter " + column + op + value + ": " + column
                        + " holds numbers and " + value + " is not one");
            }
        }

        /** A column's values all have one type: its first non-null value tells it. */
        private static boolean isNumeric(Series<?> s) {
            Object v = first(s);
            return v instanceof Number || v instanceof Boolean;
        }

        private static boolean isText(Series<?> s) {
            return first(s) instanceof String;
        }

        private static Object first(Series<?> s) {
            for (int i = 0; i < s.size(); i++) {
                if (s.get(i) != null) {
                    return s.get(i);
                }
            }
            return null;
        }
    }
}
