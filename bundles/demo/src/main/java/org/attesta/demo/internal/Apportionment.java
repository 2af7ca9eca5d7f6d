package org.attesta.demo.internal;

import java.util.Comparator;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Splits a whole number into parts by weight, exactly and deterministically. */
final class Apportionment {

    private Apportionment() {
    }

    /**
     * Parts proportional to the weights that add up to the total exactly (largest-remainder
     * method; ties go to the earlier part, so the result depends on nothing but the input).
     */
    static int[] proportional(int total, double[] weights) {
        double weightSum = IntStream.range(0, weights.length).mapToDouble(i -> weights[i]).sum();
        int[] parts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / weightSum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }
        int[] byRemainder = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparing(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int k = 0; k < total - assigned; k++) {
            parts[byRemainder[k]]++;
        }
        return parts;
    }

    /**
     * Moves units between parts, one at a time to or from a random other part, until every part
     * lies within [min, max]. The caller makes sure that {@code min * n <= total <= max * n}.
     */
    static void confine(int[] parts, int min, int max, Random random) {
        for (int i = 0; i < parts.length; i++) {
            while (parts[i] > max) {
                int receiver = randomPart(parts, random, part -> part < max);
                parts[i]--;
                parts[receiver]++;
            }
        }
        for (int i = 0; i < parts.length; i++) {
            while (parts[i] < min) {
                int giver = randomPart(parts, random, part -> part > min);
                parts[i]++;
                parts[giver]--;
            }
        }
    }

    private static int randomPart(int[] parts, Random random, IntPredicate suitable) {
        int index;
        do {
            index = random.nextInt(parts.length);
        } while (!suitable.test(parts[index]));
        return index;
    }
}
