package dev.weft.kernels.sort;

import java.util.Arrays;

/**
 * Stable ordering of one line of keys (see SortKeys): the permutation that sorts it ascending, or the
 * first k of that permutation (partial selection with a bounded max-heap). Packed keys (32-bit dtypes)
 * are unique, so the JDK's primitive sort is used; wide keys go through a merge sort of positions.
 * Holds per-line scratch arrays; one instance per task, never shared between threads.
 */
final class LineSort {
    private final long[] keys;
    private final int[] perm, tmp;

    LineSort(int r) {
        keys = new long[r];
        perm = new int[r];
        tmp = new int[r];
    }

    long[] keys() { return keys; }

    /** The full stable ascending permutation of keys[0, r) into perm. */
    int[] sort(int r, boolean packed) {
        if (packed) {
            Arrays.sort(keys, 0, r);
            for (int t = 0; t < r; t++) perm[t] = (int) keys[t];
        } else {
            for (int t = 0; t < r; t++) perm[t] = t;
            mergeSort(0, r);
        }
        return perm;
    }

    /**
     * perm[0, k) = the first k positions of the stable ascending order of keys[0, r); in that order
     * when sorted, else in increasing position.
     */
    int[] select(int r, int k, boolean packed, boolean sorted) {
        if ((long) k * 4 >= r) {
            sort(r, packed);
        } else if (packed) {
            heapSelectPacked(r, k);
            Arrays.sort(keys, 0, k);
            for (int t = 0; t < k; t++) perm[t] = (int) keys[t];
        } else {
            heapSelectWide(r, k);
            for (int t = 0; t < k; t++) tmp[t] = perm[t];
            mergeSortRange(k);
        }
        if (!sorted) Arrays.sort(perm, 0, k);
        return perm;
    }

    /** keys[0, k) <- the k smallest packed keys (a max-heap kept in keys[0, k)). */
    private void heapSelectPacked(int r, int k) {
        if (k == 0) return;
        for (int i = k / 2 - 1; i >= 0; i--) siftDownPacked(i, k);
        for (int j = k; j < r; j++) {
            if (keys[j] < keys[0]) {
                keys[0] = keys[j];
                siftDownPacked(0, k);
            }
        }
    }

    private void siftDownPacked(int i, int k) {
        long v = keys[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= k) break;
            if (c + 1 < k && keys[c + 1] > keys[c]) c++;
            if (keys[c] <= v) break;
            keys[i] = keys[c];
            i = c;
        }
        keys[i] = v;
    }

    /** perm[0, k) <- positions of the k smallest (key, position) pairs, as a max-heap. */
    private void heapSelectWide(int r, int k) {
        if (k == 0) return;
        for (int t = 0; t < k; t++) perm[t] = t;
        for (int i = k / 2 - 1; i >= 0; i--) siftDownWide(i, k);
        for (int j = k; j < r; j++) {
            // a later position with an equal key is the larger pair, so strict < is exact
            if (keys[j] < keys[perm[0]]) {
                perm[0] = j;
                siftDownWide(0, k);
            }
        }
    }

    private boolean greater(int a, int b) {
        return keys[a] > keys[b] || (keys[a] == keys[b] && a > b);
    }

    private void siftDownWide(int i, int k) {
        int v = perm[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= k) break;
            if (c + 1 < k && greater(perm[c + 1], perm[c])) c++;
            if (!greater(perm[c], v)) break;
            perm[i] = perm[c];
            i = c;
        }
        perm[i] = v;
    }

    /** Sorts the positions in tmp[0, k) by (key, position) into perm[0, k). */
    private void mergeSortRange(int k) {
        Arrays.sort(tmp, 0, k);
        System.arraycopy(tmp, 0, perm, 0, k);
        mergeSort(0, k);
    }

    private static final int INSERTION = 24;

    /** Stable sort of perm[lo, hi) by keys[perm[.]]; positions in perm must be increasing on entry. */
    private void mergeSort(int lo, int hi) {
        if (hi - lo <= INSERTION) {
            for (int i = lo + 1; i < hi; i++) {
                int v = perm[i];
                long kv = keys[v];
                int j = i - 1;
                while (j >= lo && keys[perm[j]] > kv) {
                    perm[j + 1] = perm[j];
                    j--;
                }
                perm[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(lo, mid);
        mergeSort(mid, hi);
        if (keys[perm[mid - 1]] <= keys[perm[mid]]) return;
        System.arraycopy(perm, lo, tmp, lo, hi - lo);
        int i = lo, j = mid, w = lo;
        while (i < mid && j < hi) perm[w++] = keys[tmp[j]] < keys[tmp[i]] ? tmp[j++] : tmp[i++];
        while (i < mid) perm[w++] = tmp[i++];
        while (j < hi) perm[w++] = tmp[j++];
    }
}
