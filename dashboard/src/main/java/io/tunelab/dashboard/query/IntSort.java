package io.tunelab.dashboard.query;

/** A stable merge sort of an int array by a comparator of ints (no boxing). Stateless. */
final class IntSort {
    /** Compares two ints. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    /** Sorts {@code a} in place; equal elements keep their order. */
    static void stable(int[] a, IntComparator c) {
        int[] buffer = new int[a.length];
        sort(a, buffer, 0, a.length, c);
    }

    private static void sort(int[] a, int[] buffer, int from, int to, IntComparator c) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && c.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, buffer, from, mid, c);
        sort(a, buffer, mid, to, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, buffer, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && c.compare(buffer[i], buffer[j]) <= 0)) {
                a[k] = buffer[i++];
            } else {
                a[k] = buffer[j++];
            }
        }
    }
}
