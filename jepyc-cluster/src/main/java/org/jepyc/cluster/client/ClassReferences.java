package org.jepyc.cluster.client;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file names in its constant pool: its class entries (what it creates,
 * calls, casts to, its nested classes) and the types in its descriptors and signatures. These
 * are what the JVM may load when it links and runs the class, so a class shipped to the workers
 * takes the classes it names from the same program along.
 */
final class ClassReferences {
    private static final Pattern TYPE = Pattern.compile("L([^;<>:\\[]+)[;<]");

    private ClassReferences() { }

    /**
     * @param classFile a class file's bytes
     * @return the binary names it refers to (may include names that are no class: a string that looks like a descriptor)
     * @throws IOException if it is not a class file
     */
    static Set<String> of(byte[] classFile) throws IOException {
        Set<String> out = new TreeSet<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();              // String, MethodType, Module, Package
                    case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); }   // MethodHandle
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();           // int, float, refs, NameAndType, dynamic
                    case 5, 6 -> { in.readLong(); i++; }                        // long and double take two entries
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            for (int i = 1; i < count; i++) {
                if (classIndex[i] > 0 && utf8[classIndex[i]] != null) {
                    String n = utf8[classIndex[i]];
                    if (n.startsWith("[")) {
                        addTypes(n, out);
                    } else {
                        out.add(n.replace('/', '.'));
                    }
                } else if (utf8[i] != null && utf8[i].indexOf('L') >= 0 && utf8[i].indexOf(';') > 0) {
                    addTypes(utf8[i], out);
                }
            }
        }
        return out;
    }

    private static void addTypes(String descriptor, Set<String> out) {
        Matcher m = TYPE.matcher(descriptor);
        while (m.find()) {
            out.add(m.group(1).replace('/', '.'));
        }
    }
}
