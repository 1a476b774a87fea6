package org.kaimen.analysis.internal.campaigns;

import java.util.Arrays;

/**
 * Open-addressing long → int map with linear probing and backward-shift deletion.
 *
 * <p>A boxed {@code HashMap<Long, Integer>} costs ~70 bytes per entry; at a million comments with
 * several maps that alone would be hundreds of megabytes, which this avoids (~16 bytes/entry).
 */
final class LongIntHashMap {

    /** Marks a free cell; callers never store it as a value. */
    private static final int FREE = Integer.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;
    private int resizeAt;

    LongIntHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 4L / 3 + 1)) - 1) << 1;
        allocate(cap);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, FREE);
        mask = capacity - 1;
        resizeAt = (int) (capacity * 0.75);
    }

    int size() {
        return size;
    }

    private int index(long key) {
        return (int) Hashing.fmix64(key) & mask;
    }

    int get(long key, int missing) {
        int i = index(key);
        while (values[i] != FREE) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return missing;
    }

    boolean containsKey(long key) {
        return get(key, FREE) != FREE;
    }

    void put(long key, int value) {
        if (value == FREE) {
            throw new IllegalArgumentException("reserved value");
        }
        int i = index(key);
        while (values[i] != FREE) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size > resizeAt) {
            rehash(keys.length * 2);
        }
    }

    /** Removes {@code key}; returns its value or {@code missing}. */
    int remove(long key, int missing) {
        int i = index(key);
        while (values[i] != FREE) {
            if (keys[i] == key) {
                int old = values[i];
                shiftBack(i);
                size--;
                return old;
            }
            i = (i + 1) & mask;
        }
        return missing;
    }

    /** Backward-shift deletion keeps probe chains intact without tombstones piling up. */
    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == FREE) {
                break;
            }
            int home = index(keys[i]);
            // Move the entry into the hole unless its home lies cyclically in (hole, i].
            boolean stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
            if (!stays) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        values[hole] = FREE;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
