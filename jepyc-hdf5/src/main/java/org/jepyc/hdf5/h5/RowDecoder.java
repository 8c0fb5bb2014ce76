package org.jepyc.hdf5.h5;

import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes rows of a chunked compound table straight from its chunks' bytes, column by column.
 *
 * <p>Why not jhdf's own {@code getData}: it decodes every string through a new
 * {@code CharsetDecoder} and parses each global-heap collection again for every block read,
 * which made reopening a million-row notebook take about three times as long as the native
 * library. Here each heap collection is parsed once per file, strings are made with
 * {@code new String(bytes, UTF_8)}, and a value equal to the row before it reuses that row's
 * string (class names and statuses repeat on every row). Only the chunks and heap objects of
 * the rows asked for are touched, so rows a crashed commit left past the committed ones are
 * never read. Everything is read through bounds-checked buffers: a damaged table throws.
 */
final class RowDecoder {

    private final ChunkedDataset dataset;
    private final HdfBackingStorage storage;
    private final List<Field> fields;
    private final int[] offsets;
    private final DataType[] types;
    private final int rowSize;
    private final int chunkRows;
    private final GlobalHeaps heaps;

    /**
     * @param dataset the table
     * @param fields  its fields, in the compound's member order
     * @param heaps   the file's heap collections, shared by every table of the file
     */
    RowDecoder(ChunkedDataset dataset, List<Field> fields, GlobalHeaps heaps) {
        this.dataset = dataset;
        this.storage = dataset.getHdfFile().getHdfBackingStorage();
        this.fields = fields;
        this.heaps = heaps;
        CompoundDataType ct = (CompoundDataType) dataset.getDataType();
        List<CompoundDataType.CompoundDataMember> members = ct.getMembers();
        this.offsets = new int[members.size()];
        this.types = new DataType[members.size()];
        for (int k = 0; k < members.size(); k++) {
            offsets[k] = members.get(k).getOffset();
            types[k] = members.get(k).getDataType();
        }
        this.rowSize = ct.getSize();
        int[] chunk = dataset.getChunkDimensions();
        if (chunk.length != 1 || chunk[0] < 1 || rowSize < 1) {
            throw new IllegalStateException("chunks of " + java.util.Arrays.toString(chunk) + " rows of " + rowSize
                    + " bytes");
        }
        this.chunkRows = chunk[0];
    }

    /** Rows {@code [from, from + n)} of every field, keyed by name in member order. */
    Map<String, ColumnData> read(long from, int n) {
        ByteBuffer rows = ByteBuffer.allocate(Math.multiplyExact(n, rowSize)).order(ByteOrder.LITTLE_ENDIAN);
        long row = from;
        while (row < from + n) {
            long chunkIndex = row / chunkRows;
            int inChunk = (int) (row % chunkRows);
            int take = (int) Math.min(chunkRows - inChunk, from + n - row);
            byte[] chunk = dataset.getDecompressedChunk(new int[] {Math.toIntExact(chunkIndex * chunkRows)});
            rows.put(chunk, inChunk * rowSize, take * rowSize);
            row += take;
        }
        Map<String, ColumnData> out = new LinkedHashMap<>();
        for (int k = 0; k < fields.size(); k++) {
            out.put(fields.get(k).name(), column(fields.get(k).type(), types[k], rows, offsets[k], n));
        }
        return out;
    }

    private ColumnData column(FieldType t, DataType dt, ByteBuffer rows, int offset, int n) {
        switch (t.kind()) {
            case INT: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = integer(rows, i * rowSize + offset, dt);
                }
                return new ColumnData.Longs(v);
            }
            case FLOAT: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = floating(rows, i * rowSize + offset, dt);
                }
                return new ColumnData.Doubles(v);
            }
            case BOOL: {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rows.get(i * rowSize + offset) != 0;
                }
                return new ColumnData.Booleans(v);
            }
            case STRING: {
                String[] v = new String[n];
                // the last text decoded and where it lay: a run of rows repeating a value (and
                // empty cells between them) shares one String instead of decoding it again
                long previous = -1;
                String last = null;
                for (int i = 0; i < n; i++) {
                    long at = locate(rows, i * rowSize + offset);
                    if (at < 0) {
                        v[i] = "";
                    } else if (heaps.sameBytes(at, previous)) {
                        v[i] = last;
                    } else {
                        v[i] = last = heaps.string(at);
                        previous = at;
                    }
                }
                return new ColumnData.Strings(v);
            }
            case COMPLEX: {
                double[] re = new double[n];
                double[] im = new double[n];
                List<CompoundDataType.CompoundDataMember> parts = ((CompoundDataType) dt).getMembers();
                for (int i = 0; i < n; i++) {
                    int at = i * rowSize + offset;
                    re[i] = rows.order(order(parts.get(0).getDataType())).getDouble(at + parts.get(0).getOffset());
                    im[i] = rows.order(order(parts.get(1).getDataType())).getDouble(at + parts.get(1).getOffset());
                }
                return new ColumnData.Complexes(re, im);
            }
            default: {
                List<?>[] v = new List<?>[n];
                DataType element = ((io.jhdf.object.datatype.VariableLength) dt).getParent();
                for (int i = 0; i < n; i++) {
                    v[i] = sequence(t.element(), element, heapObject(rows, i * rowSize + offset));
                }
                return new ColumnData.Lists(v);
            }
        }
    }

    /** The elements of one variable-length sequence, held in one heap object. */
    private List<Object> sequence(FieldType t, DataType dt, ByteBuffer bytes) {
        int size = dt.getSize();
        if (size < 1) {
            throw new IllegalStateException("list elements of " + size + " bytes");
        }
        int n = bytes.remaining() / size;
        ByteBuffer b = bytes.order(ByteOrder.LITTLE_ENDIAN);   // a buffer of its own, from heapObject
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = i * size;
            out.add(switch (t.kind()) {
                case INT -> integer(b, at, dt);
                case FLOAT -> floating(b, at, dt);
                case BOOL -> b.get(at) != 0;
                case STRING -> {
                    long located = locate(b, at);
                    yield located < 0 ? "" : heaps.string(located);
                }
                case COMPLEX -> {
                    List<CompoundDataType.CompoundDataMember> parts = ((CompoundDataType) dt).getMembers();
                    yield new ComplexPair(b.order(order(parts.get(0).getDataType())).getDouble(at + parts.get(0).getOffset()),
                            b.order(order(parts.get(1).getDataType())).getDouble(at + parts.get(1).getOffset()));
                }
                case VLEN -> sequence(t.element(), ((io.jhdf.object.datatype.VariableLength) dt).getParent(),
                        heapObject(b, at));
            });
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Where the heap object a variable-length value at {@code at} refers to lies (see
     * {@link GlobalHeaps#locate}): the value is a 4-byte length, the collection's address and the
     * object's index. Index 0 is a nil reference (an empty value): -1.
     */
    private long locate(ByteBuffer b, int at) {
        int offsetSize = storage.getSizeOfOffsets();
        b.order(ByteOrder.LITTLE_ENDIAN);
        long address = offsetSize == 8 ? b.getLong(at + 4) : Integer.toUnsignedLong(b.getInt(at + 4));
        int index = b.getInt(at + 4 + offsetSize);
        return index == 0 ? -1 : heaps.locate(address, index);
    }

    /**
     * The bytes of the heap object a variable-length value at {@code at} refers to (see
     * {@link #locate}), in a buffer of their own.
     */
    private ByteBuffer heapObject(ByteBuffer b, int at) {
        long located = locate(b, at);
        return located < 0 ? ByteBuffer.allocate(0) : heaps.buffer(located);
    }

    private static long integer(ByteBuffer b, int at, DataType dt) {
        FixedPoint fp = (FixedPoint) dt;
        b.order(fp.getByteOrder());
        long v = switch (dt.getSize()) {
            case 1 -> fp.isSigned() ? b.get(at) : Byte.toUnsignedLong(b.get(at));
            case 2 -> fp.isSigned() ? b.getShort(at) : Short.toUnsignedLong(b.getShort(at));
            case 4 -> fp.isSigned() ? b.getInt(at) : Integer.toUnsignedLong(b.getInt(at));
            default -> b.getLong(at);
        };
        if (!fp.isSigned() && dt.getSize() == 8 && v < 0) {
            return Long.MAX_VALUE;   // unsigned 64-bit values above Long.MAX_VALUE are clipped
        }
        return v;
    }

    private static double floating(ByteBuffer b, int at, DataType dt) {
        b.order(order(dt));
        return dt.getSize() == 4 ? b.getFloat(at) : b.getDouble(at);
    }

    private static ByteOrder order(DataType dt) {
        return dt instanceof FloatingPoint f ? f.getByteOrder() : ByteOrder.LITTLE_ENDIAN;
    }
}
