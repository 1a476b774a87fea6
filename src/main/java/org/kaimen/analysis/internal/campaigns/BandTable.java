package org.kaimen.analysis.internal.campaigns;

import java.util.Arrays;

/**
 * LSH bucket index for one band: band key → newest slot in that bucket.
 *
 * <p>Most buckets hold a single comment, so this table is the dominant memory cost of the
 * detector. It therefore stores only the slot (4 bytes a cell) and recomputes a cell's key from
 * the slot's stored signature when probing needs it, instead of keeping a key array alongside.
 * Linear probing with backward-shift deletion.
 */
final class BandTable {

    /** Recomputes the band key of a slot; must be stable for as long as the slot is in the table. */
    interface Keys {
        int keyOf(int slot);
    }

    static final int EMPTY = -1;

    private final Keys keys;
    private int[] cells;
    private int mask;
    private int size;
    private int resizeAt;

    BandTable(Keys keys, int capacity) {
        this.keys = keys;
        allocate(Integer.highestOneBit(Math.max(16, capacity) - 1) << 1);
    }

    private void allocate(int capacity) {
        cells = new int[capacity];
        Arrays.fill(cells, EMPTY);
        mask = capacity - 1;
        resizeAt = (int) (capacity * 0.75);
    }

    private int home(int key) {
        // Keys are already fmix64 output, so the low bits are uniform; the multiply is cheap insurance.
        return (key * 0x9E3779B9) >>> 1 & mask;
    }

    /** The newest slot whose band key is {@code key}, or {@link #EMPTY}. */
    int head(int key) {
        for (int i = home(key); cells[i] != EMPTY; i = (i + 1) & mask) {
            if (keys.keyOf(cells[i]) == key) {
                return cells[i];
            }
        }
        return EMPTY;
    }

    /** Makes {@code slot} (whose key is {@code key}) the head of its bucket. */
    void setHead(int key, int slot) {
        int i = home(key);
        for (; cells[i] != EMPTY; i = (i + 1) & mask) {
            if (keys.keyOf(cells[i]) == key) {
                cells[i] = slot;
                return;
            }
        }
        cells[i] = slot;
        if (++size > resizeAt) {
            rehash();
        }
    }

    void remove(int key) {
        for (int i = home(key); cells[i] != EMPTY; i = (i + 1) & mask) {
            if (keys.keyOf(cells[i]) == key) {
                shiftBack(i);
                size--;
                return;
            }
        }
    }

    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (cells[i] == EMPTY) {
                break;
            }
            int home = home(keys.keyOf(cells[i]));
            boolean stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
            if (!stays) {
                cells[hole] = cells[i];
                hole = i;
            }
        }
        cells[hole] = EMPTY;
    }

    private void rehash() {
        int[] old = cells;
        allocate(old.length * 2);
        for (int slot : old) {
            if (slot != EMPTY) {
                int i = home(keys.keyOf(slot));
                while (cells[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                cells[i] = slot;
            }
        }
    }
}
