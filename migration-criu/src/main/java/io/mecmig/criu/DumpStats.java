package io.mecmig.criu;


/**
 * CRIU's own figures of one dump, from the {@code stats-dump} image it writes into its work folder (a
 * protobuf {@code stats_entry} whose field 1 is a {@code dump_stats_entry}; times in microseconds).
 *
 * @param freezingMicros time to freeze the container's processes
 * @param frozenMicros time the processes stayed frozen: the app's real pause in a dump
 * @param memdumpMicros time to collect the memory pages
 * @param pagesScanned pages CRIU looked at
 * @param pagesWritten pages it wrote into the images
 */
public record DumpStats(long freezingMicros, long frozenMicros, long memdumpMicros, long pagesScanned,
                        long pagesWritten) {

    /** Decodes a {@code stats-dump} image. */
    public static DumpStats parse(byte[] image) {
        // 8 bytes of magic, a 4-byte little-endian length, then the stats_entry message.
        if (image.length < 12) {
            throw new CheckpointException("CRIU's stats-dump is too short (" + image.length + " bytes)");
        }
        int size = (image[8] & 0xff) | (image[9] & 0xff) << 8 | (image[10] & 0xff) << 16 | (image[11] & 0xff) << 24;
        Protobuf entry = new Protobuf(image, 12, Math.min(image.length, 12 + size));
        byte[] dump = entry.bytesField(1);
        if (dump == null) {
            throw new CheckpointException("CRIU's stats-dump holds no dump statistics");
        }
        Protobuf d = new Protobuf(dump, 0, dump.length);
        return new DumpStats(d.varintField(1), d.varintField(2), d.varintField(3), d.varintField(5), d.varintField(7));
    }

    /** The frozen time in seconds. */
    public double frozenSeconds() {
        return frozenMicros / 1e6;
    }

    /** The few protobuf wire rules a stats image needs: varints and length-delimited fields. */
    private record Protobuf(byte[] data, int from, int to) {

        long varintField(int number) {
            long[] found = {0};
            scan((field, type, value, start, length) -> {
                if (field == number && type == 0) {
                    found[0] = value;
                }
            });
            return found[0];
        }

        byte[] bytesField(int number) {
            byte[][] found = {null};
            scan((field, type, value, start, length) -> {
                if (field == number && type == 2) {
                    found[0] = java.util.Arrays.copyOfRange(data, start, start + length);
                }
            });
            return found[0];
        }

        private interface Visitor {
            void field(int number, int type, long value, int start, int length);
        }

        private void scan(Visitor visitor) {
            int[] pos = {from};
            while (pos[0] < to) {
                long key = varint(pos);
                int type = (int) (key & 7);
                int number = (int) (key >>> 3);
                switch (type) {
                    case 0 -> visitor.field(number, type, varint(pos), 0, 0);
                    case 2 -> {
                        int length = (int) varint(pos);
                        visitor.field(number, type, 0, pos[0], length);
                        pos[0] += length;
                    }
                    case 1 -> pos[0] += 8;
                    case 5 -> pos[0] += 4;
                    default -> throw new CheckpointException("CRIU's stats-dump has an unknown protobuf wire type " + type);
                }
            }
        }

        private long varint(int[] pos) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos[0] >= to) {
                    throw new CheckpointException("CRIU's stats-dump ends inside a number");
                }
                byte b = data[pos[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new CheckpointException("CRIU's stats-dump has a malformed number");
        }
    }
}
