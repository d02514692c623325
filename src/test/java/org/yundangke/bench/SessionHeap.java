package org.yundangke.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the HTTP sessions of this JVM hold: a heap dump of live objects, read back, and the objects reachable from
 * the sessions but not from anywhere else (what a heap analyser calls the sessions' retained set). Sizes as the JVM
 * lays objects out with compressed pointers (12-byte headers, 4-byte references, 8-byte alignment). Weak and soft
 * references are not followed. A dump of a test JVM is a few hundred MB and is deleted after reading.
 */
public final class SessionHeap {

    /** Bytes the sessions hold, per session, and the classes that hold most of them. */
    public record Result(int sessions, long bytes, Map<String, Long> bytesByClass) {

        public long perSession() {
            return sessions == 0 ? 0 : bytes / sessions;
        }

        /** The largest classes as a Markdown table of KB per session. */
        public String table(int rows) {
            return "| class | KB per session |\n|---|---|\n" + bytesByClass.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                    .map(e -> String.format("| %s | %.1f |", e.getKey(), e.getValue() / 1024.0 / sessions))
                    .collect(Collectors.joining("\n"));
        }
    }

    private static final byte INSTANCE = 0;
    private static final byte OBJECT_ARRAY = 1;
    private static final byte PRIMITIVE_ARRAY = 2;
    private static final byte CLASS = 3;

    private final ByteBuffer data;
    /** Where each UTF-8 record starts, by its id (names are decoded only for classes). */
    private final LongIntMap stringPositions = new LongIntMap(1 << 20);
    private final Map<Long, String> classNames = new HashMap<>();
    private final Map<Long, Long> superClasses = new HashMap<>();
    private final Map<Long, byte[]> fieldTypes = new HashMap<>();
    private final Map<Long, int[]> referenceOffsets = new HashMap<>();
    private final Map<Long, Integer> referenceFields = new HashMap<>();
    private final Map<Integer, long[]> classStatics = new HashMap<>();
    private final List<Long> roots = new ArrayList<>();
    // the objects, by index (a heap of a test JVM holds a few million: arrays, not objects per object)
    private LongIntMap index;
    private byte[] kinds;
    private long[] types;
    private int[] positions;
    private int[] lengths;
    private int count;

    private SessionHeap(ByteBuffer data) {
        this.data = data;
    }

    /**
     * Dumps this JVM's live heap and measures the sessions of {@code sessionClass} (a JVM class name). The dump is
     * deleted unless {@code -Dbench.heap-dump=file.hprof} asks to keep it (to open in a heap analyser).
     */
    public static Result ofThisJvm(String sessionClass) throws IOException {
        String keep = System.getProperty("bench.heap-dump");
        Path dump = keep != null ? Path.of(keep).toAbsolutePath() : Files.createTempFile("sessions", ".hprof");
        Files.deleteIfExists(dump);
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
            return of(dump, sessionClass);
        } finally {
            if (keep == null) {
                Files.deleteIfExists(dump);
            }
        }
    }

    /** Measures the sessions in a heap dump made earlier (a file under 2 GB). */
    public static Result of(Path dump, String sessionClass) throws IOException {
        try (FileChannel channel = FileChannel.open(dump)) {
            SessionHeap heap = new SessionHeap(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
            heap.read(false);
            heap.read(true);
            return heap.retainedBy(sessionClass.replace('.', '/'));
        }
    }

    /** {@code SessionHeap dump.hprof [session class]}: what the sessions in a kept dump hold. */
    public static void main(String[] args) throws IOException {
        Result result = of(Path.of(args[0]), args.length > 1 ? args[1] : "org.apache.catalina.session.StandardSession");
        System.out.printf("%d sessions, %.1f KB each%n%n%s%n", result.sessions(), result.perSession() / 1024.0,
                result.table(25));
    }

    /** The first pass counts the objects, the second records them. */
    private void read(boolean record) {
        if (record) {
            index = new LongIntMap(Integer.highestOneBit(Math.max(count, 1)) * 4);
            kinds = new byte[count];
            types = new long[count];
            positions = new int[count];
            lengths = new int[count];
            count = 0;
        }
        int p = 0;
        while (data.get(p) != 0) {
            p++;
        }
        if (data.getInt(p + 1) != 8) {
            throw new IllegalStateException("only 8-byte identifiers are read");
        }
        p += 1 + 4 + 8;
        while (p < data.limit()) {
            int tag = data.get(p) & 0xff;
            int length = data.getInt(p + 5);
            int body = p + 9;
            p = body + length;
            if (tag == 0x01 && !record) {
                stringPositions.put(data.getLong(body), body);
            } else if (tag == 0x02 && !record) {
                classNames.put(data.getLong(body + 4), string(data.getLong(body + 16)));
            } else if (tag == 0x0c || tag == 0x1c) {
                readSegment(body, body + length, record);
            }
        }
    }

    private String string(long id) {
        int body = stringPositions.get(id);
        if (body < 0) {
            return "?";
        }
        byte[] utf8 = new byte[data.getInt(body - 4) - 8];
        data.get(body + 8, utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private void add(boolean record, long id, byte kind, long type, int position, int length) {
        if (record) {
            index.put(id, count);
            kinds[count] = kind;
            types[count] = type;
            positions[count] = position;
            lengths[count] = length;
        }
        count++;
    }

    private void readSegment(int p, int end, boolean record) {
        while (p < end) {
            int sub = data.get(p++) & 0xff;
            switch (sub) {
                case 0xff, 0x05, 0x07 -> {
                    root(record, p);
                    p += 8;
                }
                case 0x01, 0x02, 0x03, 0x08 -> {
                    root(record, p);
                    p += 16;
                }
                case 0x04, 0x06 -> {
                    root(record, p);
                    p += 12;
                }
                case 0x20 -> p = readClass(p, record);
                case 0x21 -> {
                    int length = data.getInt(p + 20);
                    add(record, data.getLong(p), INSTANCE, data.getLong(p + 12), p + 24, length);
                    p += 24 + length;
                }
                case 0x22 -> {
                    int elements = data.getInt(p + 12);
                    add(record, data.getLong(p), OBJECT_ARRAY, data.getLong(p + 16), p + 24, elements);
                    p += 24 + elements * 8;
                }
                case 0x23 -> {
                    int elements = data.getInt(p + 12);
                    int type = data.get(p + 16);
                    add(record, data.getLong(p), PRIMITIVE_ARRAY, type, p + 17, elements * size(type));
                    p += 17 + elements * size(type);
                }
                default -> throw new IllegalStateException("unknown heap dump record " + sub);
            }
        }
    }

    private void root(boolean record, int p) {
        if (record) {
            roots.add(data.getLong(p));
        }
    }

    private int readClass(int p, boolean record) {
        long id = data.getLong(p);
        long superClass = data.getLong(p + 12);
        p += 8 + 4 + 8 * 6 + 4;
        int constants = data.getShort(p) & 0xffff;
        p += 2;
        for (int i = 0; i < constants; i++) {
            p += 3 + size(data.get(p + 2));
        }
        int statics = data.getShort(p) & 0xffff;
        p += 2;
        List<Long> staticReferences = new ArrayList<>();
        for (int i = 0; i < statics; i++) {
            int type = data.get(p + 8);
            if (type == 2) {
                staticReferences.add(data.getLong(p + 9));
            }
            p += 9 + size(type);
        }
        int fields = data.getShort(p) & 0xffff;
        p += 2;
        if (record) {
            byte[] fieldTypesOfClass = new byte[fields];
            for (int i = 0; i < fields; i++) {
                fieldTypesOfClass[i] = data.get(p + i * 9 + 8);
            }
            superClasses.put(id, superClass);
            fieldTypes.put(id, fieldTypesOfClass);
            classStatics.put(count, staticReferences.stream().mapToLong(Long::longValue).toArray());
        }
        add(record, id, CLASS, 0, 0, 0);
        return p + fields * 9;
    }

    private static int size(int type) {
        return switch (type) {
            case 2, 7, 11 -> 8; // object (8-byte id), double, long
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    /**
     * Offsets of the reference fields in an instance's data (its own class's fields first, then its superclasses'),
     * without {@code Reference.referent}: weak and soft references are not followed.
     */
    private int[] referenceOffsets(long classId) {
        return referenceOffsets.computeIfAbsent(classId, c -> {
            List<Integer> offsets = new ArrayList<>();
            int offset = 0;
            for (Long k = c; k != null && k != 0 && fieldTypes.containsKey(k); k = superClasses.get(k)) {
                boolean reference = "java/lang/ref/Reference".equals(classNames.get(k));
                boolean referentSkipped = false;
                for (byte type : fieldTypes.get(k)) {
                    if (type == 2 && reference && !referentSkipped) {
                        referentSkipped = true; // the first reference field declared by Reference is its referent
                    } else if (type == 2) {
                        offsets.add(offset);
                    }
                    offset += size(type);
                }
            }
            return offsets.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    /** How many reference fields an instance has (each 8 bytes in the dump, 4 in the heap). */
    private int referenceFields(long classId) {
        return referenceFields.computeIfAbsent(classId, c -> {
            int fields = 0;
            for (Long k = c; k != null && k != 0 && fieldTypes.containsKey(k); k = superClasses.get(k)) {
                for (byte type : fieldTypes.get(k)) {
                    fields += type == 2 ? 1 : 0;
                }
            }
            return fields;
        });
    }

    private long[] references(int i) {
        return switch (kinds[i]) {
            case INSTANCE -> {
                int[] offsets = referenceOffsets(types[i]);
                long[] refs = new long[offsets.length + 1];
                for (int f = 0; f < offsets.length; f++) {
                    refs[f] = data.getLong(positions[i] + offsets[f]);
                }
                refs[refs.length - 1] = types[i];
                yield refs;
            }
            case OBJECT_ARRAY -> {
                long[] refs = new long[lengths[i] + 1];
                for (int e = 0; e < lengths[i]; e++) {
                    refs[e] = data.getLong(positions[i] + e * 8);
                }
                refs[lengths[i]] = types[i];
                yield refs;
            }
            case CLASS -> classStatics.getOrDefault(i, new long[0]);
            default -> new long[0];
        };
    }

    /** The object's size as the JVM lays it out with compressed pointers. */
    private long layoutSize(int i) {
        long bytes = switch (kinds[i]) {
            case INSTANCE -> 12 + lengths[i] - 4L * referenceFields(types[i]);
            case OBJECT_ARRAY -> 16 + 4L * lengths[i];
            case PRIMITIVE_ARRAY -> 16 + lengths[i];
            default -> 0;
        };
        return (bytes + 7) / 8 * 8;
    }

    private String name(int i) {
        return switch (kinds[i]) {
            case INSTANCE -> classNames.getOrDefault(types[i], "?").replace('/', '.');
            case OBJECT_ARRAY -> classNames.getOrDefault(types[i], "?").replace('/', '.');
            case PRIMITIVE_ARRAY -> List.of("boolean", "char", "float", "double", "byte", "short", "int", "long")
                    .get((int) types[i] - 4) + "[]";
            default -> "class";
        };
    }

    private Result retainedBy(String sessionClass) {
        BitSet sessions = new BitSet(count);
        for (int i = 0; i < count; i++) {
            if (kinds[i] == INSTANCE && sessionClass.equals(classNames.get(types[i]))) {
                sessions.set(i);
            }
        }
        BitSet rootObjects = new BitSet(count);
        for (long root : roots) {
            int i = index.get(root);
            if (i >= 0) {
                rootObjects.set(i);
            }
        }
        BitSet shared = reach(rootObjects, sessions);
        BitSet own = reach(sessions, shared);
        Map<String, Long> byClass = new HashMap<>();
        long total = 0;
        for (int i = own.nextSetBit(0); i >= 0; i = own.nextSetBit(i + 1)) {
            long bytes = layoutSize(i);
            total += bytes;
            byClass.merge(name(i), bytes, Long::sum);
        }
        return new Result(sessions.cardinality(), total, byClass);
    }

    /** Everything reachable from {@code from} without passing through {@code blocked}. */
    private BitSet reach(BitSet from, BitSet blocked) {
        BitSet seen = (BitSet) from.clone();
        int[] todo = new int[1024];
        int top = 0;
        for (int i = from.nextSetBit(0); i >= 0; i = from.nextSetBit(i + 1)) {
            if (top == todo.length) {
                todo = Arrays.copyOf(todo, top * 2);
            }
            todo[top++] = i;
        }
        while (top > 0) {
            for (long reference : references(todo[--top])) {
                int next = reference == 0 ? -1 : index.get(reference);
                if (next >= 0 && !blocked.get(next) && !seen.get(next)) {
                    seen.set(next);
                    if (top == todo.length) {
                        todo = Arrays.copyOf(todo, top * 2);
                    }
                    todo[top++] = next;
                }
            }
        }
        return seen;
    }

    /** Object ids (addresses) to indexes, open addressing: a few million entries without a boxed key each. */
    private static final class LongIntMap {

        private long[] keys;
        private int[] values;
        private int size;

        LongIntMap(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
        }

        void put(long key, int value) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int slot = slot(key);
            if (keys[slot] == 0) {
                size++;
            }
            keys[slot] = key;
            values[slot] = value;
        }

        /** The value, or -1. */
        int get(long key) {
            int slot = slot(key);
            return keys[slot] == key && key != 0 ? values[slot] : -1;
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int slot = (int) (Long.hashCode(key * 0x9E3779B97F4A7C15L)) & mask;
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
